// The page of `postcheck serve`: lints the draft as the officer types
// (debounced), marks each finding's span in its category's colour, lists the
// findings with why and a safer wording, shows the --fix rewrite and the
// platform's length count, and lists the rules with examples for trainers.
// Talks only to this server's /v1/ API; keeps nothing (no cookies, no storage).
"use strict";

(function () {
  const DEBOUNCE_MS = 250;
  const $ = (id) => document.getElementById(id);
  const draft = $("draft"), highlights = $("highlights"), platform = $("platform"), count = $("count");
  const status = $("status"), findingsList = $("findings"), summary = $("summary");
  const fix = $("fix"), useFix = $("use-fix"), tokenBox = $("token-box"), tokenInput = $("token"), rules = $("rules");
  const CATEGORIES = ["personal-data", "case-details", "tone", "discrimination", "impartiality", "jargon", "spelling", "platform"];
  let token = "";
  let timer = 0, sequence = 0, lastFix = "";
  let platformChosen = false;  // until the picker is used, the server's default platform applies

  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get("token")) {
    token = hash.get("token");
    history.replaceState(null, "", location.pathname);  // keep it out of the address bar
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function categoryClass(category) {
    return "cat-" + (CATEGORIES.includes(category) ? category : "other");
  }

  async function api(path, body) {
    const headers = {};
    if (token) headers["Authorization"] = "Bearer " + token;
    const init = { headers, cache: "no-store", credentials: "omit" };
    if (body !== undefined) {
      init.method = "POST";
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const data = await response.json().catch(() => ({ error: "the server's answer was not JSON" }));
    if (response.status === 401) {
      tokenBox.hidden = false;
      throw new Error("This server needs an access token: enter it below.");
    }
    if (!response.ok) throw new Error(data.error || ("HTTP " + response.status));
    return data;
  }

  // Findings give UTF-8 byte offsets; the textarea counts UTF-16 units.
  function byteToUnitMap(text) {
    const map = new Map();
    let bytes = 0;
    for (let i = 0; i < text.length; ) {
      map.set(bytes, i);
      const cp = text.codePointAt(i);
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      i += cp > 0xffff ? 2 : 1;
    }
    map.set(bytes, text.length);
    return map;
  }

  function spans(text, findings) {
    const map = byteToUnitMap(text);
    return findings.map((f, index) => ({
      start: map.get(f.offset) ?? 0,
      end: map.get(f.offset + f.length) ?? text.length,
      finding: f,
      index,
    }));
  }

  // The draft's text with each finding's span in a <mark>; where findings
  // overlap, the first (by position) gives the colour.
  function renderHighlights(text, marked) {
    const cuts = new Set([0, text.length]);
    for (const s of marked) { cuts.add(s.start); cuts.add(s.end); }
    const points = [...cuts].sort((a, b) => a - b);
    const nodes = [];
    for (let k = 0; k + 1 < points.length; ++k) {
      const a = points[k], b = points[k + 1];
      const piece = text.slice(a, b);
      const cover = marked.find((s) => s.start <= a && b <= s.end && s.start < s.end);
      nodes.push(cover ? el("mark", { class: categoryClass(cover.finding.category), "data-finding": String(cover.index) }, piece)
                       : document.createTextNode(piece));
    }
    nodes.push(document.createTextNode("\n"));  // so a last empty line keeps its height
    highlights.replaceChildren(...nodes);
    syncScroll();
  }

  function renderFindings(text, marked) {
    findingsList.replaceChildren(...marked.map((s) => {
      const f = s.finding;
      const where = "line " + f.line + ", column " + f.column;
      return el("li", { class: categoryClass(f.category) },
        el("div", { class: "head" },
          el("span", { class: "badge " + f.severity }, f.severity),
          el("span", { class: "chip" }, f.category),
          el("button", { type: "button", class: "link where", "aria-label": "Select in the draft: " + where,
                         onclick: () => { draft.focus(); draft.setSelectionRange(s.start, s.end); } }, where)),
        el("p", { class: "message" }, f.message),
        el("p", { class: "why" }, el("b", {}, "Why: "), f.why),
        f.suggestion ? el("p", { class: "try" }, el("b", {}, "Try: "), f.suggestion) : "");
    }));
    if (!marked.length && text.trim()) findingsList.append(el("li", { class: "none cat-other" }, "Nothing found. Read it once more before you post."));
  }

  function renderCount(result) {
    const lengths = result.platform ? result.platform.lengths : [];
    if (!lengths.length) {
      count.textContent = "";
      count.className = "";
      return;
    }
    const over = lengths.some((l) => l.count > l.limit);
    count.textContent = lengths.map((l) => l.count + " / " + l.limit + (l.measure === "hashtags" ? " hashtags" : "")).join(", ");
    count.className = over ? "over" : "ok";
    count.title = over ? "Over the platform's limit" : "Within the platform's limit";
  }

  function render(text, result) {
    const marked = spans(text, result.findings);
    renderHighlights(text, marked);
    renderFindings(text, marked);
    const s = result.summary;
    summary.textContent = "(" + s.error + " error" + (s.error === 1 ? "" : "s") + ", " + s.warning + " warning" +
      (s.warning === 1 ? "" : "s") + ", " + s.suggestion + " suggestion" + (s.suggestion === 1 ? "" : "s") + ")";
    lastFix = result.fix;
    fix.textContent = result.fix;
    useFix.disabled = result.fix === text;
    if (!platformChosen) platform.value = result.platform ? result.platform.name : "";
    renderCount(result);
    const n = result.findings.length;
    status.className = "status";
    status.textContent = n ? n + " finding" + (n === 1 ? "" : "s") + ": see the list." : (text.trim() ? "No findings." : "Type a draft to check it.");
  }

  async function lint() {
    const text = draft.value;
    const mine = ++sequence;
    const body = { text };
    if (platformChosen) body.platform = platform.value;
    try {
      const result = await api("/v1/lint", body);
      if (mine === sequence && draft.value === text) render(text, result);
    } catch (error) {
      if (mine !== sequence) return;
      status.className = "status error";
      status.textContent = error.message;
    }
  }

  function schedule() {
    clearTimeout(timer);
    renderHighlights(draft.value, []);  // stale marks would be misplaced while typing
    timer = setTimeout(lint, DEBOUNCE_MS);
  }

  function syncScroll() {
    highlights.scrollTop = draft.scrollTop;
    highlights.scrollLeft = draft.scrollLeft;
  }

  function load(text) {
    draft.value = text;
    draft.focus();
    schedule();
  }

  // The trainer's list: categories, then rules, then examples on demand.
  async function loadRules() {
    let list;
    try {
      list = (await api("/v1/rules")).rules;
    } catch (error) {
      rules.textContent = error.message;
      return;
    }
    const byCategory = new Map();
    for (const rule of list) {
      if (!byCategory.has(rule.category)) byCategory.set(rule.category, []);
      byCategory.get(rule.category).push(rule);
    }
    const groups = [];
    for (const [category, members] of byCategory) {
      const items = members.map((rule) => {
        const body = el("div", { class: "rule-body" });
        const details = el("details", { class: "rule", "data-rule": rule.id },
          el("summary", {}, el("span", { class: "rule-id" }, rule.id), " (" + rule.severity + ")"),
          body);
        details.addEventListener("toggle", () => { if (details.open && !body.childElementCount) explain(rule.id, body); });
        return details;
      });
      groups.push(el("details", { class: "category " + categoryClass(category) },
        el("summary", {}, el("span", { class: "chip" }, category), " " + members.length + " rule" + (members.length === 1 ? "" : "s")),
        ...items));
    }
    rules.replaceChildren(...groups);
  }

  async function explain(id, body) {
    let rule;
    try {
      rule = await api("/v1/rules/" + encodeURIComponent(id));
    } catch (error) {
      body.textContent = error.message;
      return;
    }
    const examples = (title, texts) => texts.length ? [el("p", { class: "hint" }, title),
      el("ul", {}, ...texts.map((text) => el("li", {}, el("button", { type: "button", class: "link example",
        "aria-label": "Load into the draft: " + text, onclick: () => load(text) }, text))))] : [];
    body.replaceChildren(
      el("p", { class: "message" }, rule.message),
      el("p", { class: "why" }, el("b", {}, "Why: "), rule.why),
      rule.suggestion ? el("p", { class: "try" }, el("b", {}, "Try: "), rule.suggestion) : "",
      ...examples("Flagged (click to load):", rule.examples.flag.map((e) => e.text)),
      ...examples("Passes (click to load):", rule.examples.pass));
  }

  draft.addEventListener("input", schedule);
  draft.addEventListener("scroll", syncScroll);
  platform.addEventListener("change", () => {
    platformChosen = true;
    clearTimeout(timer);
    lint();
  });
  useFix.addEventListener("click", () => load(lastFix));
  tokenInput.addEventListener("change", () => {
    token = tokenInput.value.trim();
    lint();
    loadRules();
  });
  new ResizeObserver(() => {
    highlights.style.height = draft.offsetHeight + "px";
    syncScroll();
  }).observe(draft);
  loadRules();
  if (draft.value) lint();
})();
