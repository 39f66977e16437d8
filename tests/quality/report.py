#!/usr/bin/env python3
"""Quality report on real text nobody on the project wrote.

Runs postcheck (POSTCHECK_BIN) with --format jsonl over
- real-posts.jsonl: real posts and messages by UK police officers and staff
  that led to discipline or prosecution ("misconduct"), and real routine posts
  of official UK police accounts ("official"), each split into a "dev" and a
  "final" part by a fixed rule (see split_of);
- davidson-sample.csv: 1,000 tweets per class of Davidson et al. (2017);
- hatecheck-cases.csv: the 3,728 functional test cases of HateCheck (Röttger
  et al. 2021), split into "dev" and "final" by their template;
- toxigen-sentences.csv: the 587 human-written hate and neutral sentences of
  ToxiGen (Hartvigsen et al. 2022) about thirteen groups, split by text;
- stormfront-sentences.csv: 1,192 sentences of a white-supremacist forum
  labelled hate and 2,000 labelled noHate (de Gibert et al. 2018), split by
  text;
- fresh-drafts.jsonl: drafts written for a first-sight test by writers who
  never saw the rules, labelled like the corpus, split by text;
- the dev parts of those real posts, drafts and the Davidson tweets again,
  with words disguised (disguises.py);
and prints, per source and category, recall, precision and the clean-alarm
rate, and for Davidson, HateCheck, ToxiGen and the forum sentences the share flagged by a tone or
discrimination finding at warning or above, with the issue's bars beside.

Labels follow tests/corpus: "expect" lists category groups that must be
flagged at warning or error ("a|b": either), "also" acceptable extras; an
empty expect means the post must get no warning or error at all.

Exits 1 naming each figure below (or above) its threshold in thresholds.json.
Usage: report.py [-v]   (-v lists every missed or alarmed post)
"""
import csv
import hashlib
import html
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import disguises  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "..", "build", "postcheck"))
SERIOUS = ("warning", "error")
CATEGORIES = ("personal-data", "case-details", "tone", "discrimination", "impartiality")
BATCH = 400  # files per postcheck process
KINDS = ("misconduct", "official")
SPLITS = ("dev", "final")
RECORD_FIELDS = {"id", "kind", "split", "text", "expect", "also", "url", "outlet", "date"}
DAVIDSON_CLASSES = (("0", "hate"), ("1", "offensive"), ("2", "neither"))
# HateCheck functionalities, read as a police account must: every hateful
# case flagged; abuse of a person or a non-protected group, and profanity,
# flagged too (tone); neutral and positive mentions of a group, negated hate,
# abuse of things and innocent homonyms of slurs left clean. Counter-speech
# (quoting or naming hate to condemn it) and reclaimed slurs are printed only.
HATECHECK_ABUSIVE = ("target_indiv_nh", "target_group_nh", "profanity_nh")
HATECHECK_CLEAN = ("ident_neutral_nh", "ident_pos_nh", "negate_neg_nh", "target_obj_nh",
                   "slur_homonym_nh")
HATECHECK_INFO = ("counter_quote_nh", "counter_ref_nh", "slur_reclaimed_nh")
# The bars of issue 16, printed beside the figures (not enforced here:
# thresholds.json holds what the code reaches now).
BARS = {
    "misconduct.recall": ">= 0.80",
    "official.clean_alarm": "<= 0.025 (1 in 42)",
    "davidson.hate": ">= 0.90",
    "davidson.offensive": ">= 0.85",
    "davidson.neither": "<= 0.08",
    "stormfront.hate": ">= 0.50",
    "fresh.recall": ">= 0.90",
    "stormfront.noHate": "<= 0.05",
}
TOXIGEN_LABELS = ("hate", "neutral")
STORMFRONT_LABELS = ("hate", "noHate")


def split_of(text):
    """The fixed split rule: 'final' when the SHA-256 of the UTF-8 text,
    read as a number, is 0 mod 4 (about 25%), otherwise 'dev'."""
    return "final" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 4 == 0 else "dev"


def fail_input(where, message):
    sys.exit(f"report.py: {where}: {message}")


def read_jsonl(path):
    """(where, record) for each non-blank line of a JSON-lines file; stops
    naming the line that is not JSON."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            where = f"{os.path.basename(path)}:{number}"
            if not line.strip():
                continue
            try:
                yield where, json.loads(line)
            except json.JSONDecodeError as e:
                fail_input(where, f"not JSON: {e}")


def load_posts(path):
    posts, ids = [], set()
    for where, post in read_jsonl(path):
        missing = RECORD_FIELDS - post.keys()
        if missing:
            fail_input(where, f"missing fields {sorted(missing)}")
        if post["kind"] not in KINDS:
            fail_input(where, f"kind {post['kind']!r} is not one of {KINDS}")
        if post["split"] != split_of(post["text"]):
            fail_input(where, f"split {post['split']!r} breaks the fixed rule "
                       f"(should be {split_of(post['text'])!r})")
        if post["id"] in ids:
            fail_input(where, f"duplicate id {post['id']!r}")
        if post["kind"] == "official" and post["expect"]:
            fail_input(where, "an official post must have an empty expect")
        if post["kind"] == "misconduct" and not post["expect"]:
            fail_input(where, "a misconduct post must expect at least one category")
        for group in post["expect"] + post["also"]:
            for category in group.split("|"):
                if category not in CATEGORIES:
                    fail_input(where, f"unknown category {category!r}")
        if not post["url"].startswith(("http://", "https://")):
            fail_input(where, "url must be an http(s) address")
        ids.add(post["id"])
        post["where"] = where
        posts.append(post)
    return posts


FRESH_FIELDS = {"id", "text", "expect", "also", "note"}


def load_fresh(path):
    """Drafts written for a first-sight test by writers who never saw the
    rules (fresh-drafts.jsonl), each split by its text."""
    drafts = []
    for where, draft in read_jsonl(path):
        if not isinstance(draft, dict) or set(draft) - FRESH_FIELDS or not {"id", "text", "expect"} <= set(draft):
            fail_input(where, f"fields must be {sorted(FRESH_FIELDS)} (note and also optional)")
        draft.setdefault("also", [])
        for group in draft["expect"] + draft["also"]:
            for category in group.split("|"):
                if category not in CATEGORIES:
                    fail_input(where, f"unknown category {category!r}")
        draft["split"] = split_of(draft["text"])
        drafts.append(draft)
    return drafts


def load_davidson(path):
    tweets = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            tweets.append({"class": row["class"], "row": row["row"],
                           "text": html.unescape(row["tweet"])})
    return tweets


def load_hatecheck(path):
    cases = []
    known = set(HATECHECK_ABUSIVE + HATECHECK_CLEAN + HATECHECK_INFO)
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            func = row["functionality"]
            if not func.endswith("_h") and func not in known:
                fail_input(f"{path}:{line}", f"unknown functionality {func!r}")
            cases.append({"func": func, "text": row["test_case"],
                          "split": split_of(row["case_templ"])})
    return cases


def split_shares(flagged, items, chosen, figures, name):
    """For each split, the share of the items `chosen` picks that are
    flagged: stored in figures[name.format(split)], returned as table cells."""
    cells = []
    for split in SPLITS:
        picked = [i for i, item in enumerate(items) if chosen(item) and item["split"] == split]
        hits = sum(flagged[i] for i in picked)
        figures[name.format(split)] = hits / len(picked)
        cells.append(fmt(hits / len(picked), (hits, len(picked))))
    return cells


def load_sentences(path, labels, group_column=None):
    """Labelled sentences of a CSV with the columns label and text (and,
    for ToxiGen, group), each split by its text."""
    sentences = []
    with open(path, encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row["label"] not in labels:
                fail_input(f"{path}:{line}", f"unknown label {row['label']!r}")
            sentences.append({"label": row["label"], "text": row["text"],
                              "group": row[group_column] if group_column else "",
                              "split": split_of(row["text"])})
    return sentences


def report_sentences(name, title, labels, sentences, results, figures, verbose):
    """Share of labelled sentences flagged, dev and final: labels[0] should
    be flagged, labels[1] left clean. Figures are name.split.label."""
    flagged = [bool(serious_categories(r) & {"tone", "discrimination"}) for r in results]
    print(f"\n{title}: share with a tone or discrimination finding at warning or above\n")
    print("| label | expected | dev | final |")
    print("| --- | --- | --- | --- |")
    for label, expected in zip(labels, ("flagged", "clean")):
        row = split_shares(flagged, sentences, lambda t: t["label"] == label, figures,
                           f"{name}.{{}}.{label}")
        print(f"| {label} | {expected} | {row[0]} | {row[1]} |")
    if verbose:
        print(f"\n{name} dev sentences missed ({labels[0]}) or alarmed ({labels[1]}):")
        for i, t in enumerate(sentences):
            if t["split"] == "dev" and flagged[i] != (t["label"] == labels[0]):
                rules = sorted({f["rule"] for f in results[i] if f["severity"] in SERIOUS})
                group = f" ({t['group']})" if t["group"] else ""
                print(f"- {t['label']}{group}: {t['text']!r} {rules if rules else ''}")


def hatecheck_class(func):
    if func.endswith("_h"):
        return "hateful"
    if func in HATECHECK_ABUSIVE:
        return "abusive"
    if func in HATECHECK_CLEAN:
        return "clean"
    return None


def report_hatecheck(cases, results, figures, verbose):
    """Share of HateCheck cases flagged, per functionality and per class
    (hateful, abusive: should be flagged; clean: should not), dev and final."""
    flagged = [bool(serious_categories(r) & {"tone", "discrimination"}) for r in results]
    print("\nHateCheck (Röttger et al. 2021): share of cases with a tone or discrimination "
          "finding at warning or above; split by template\n")
    print("| functionality | expected | dev | final |")
    print("| --- | --- | --- | --- |")
    funcs = sorted({c["func"] for c in cases}, key=lambda f: (hatecheck_class(f) or "z", f))
    def share(chosen):
        hits = sum(flagged[i] for i in chosen)
        return fmt(hits / len(chosen), (hits, len(chosen))) if chosen else "-"
    for func in funcs:
        row = [share([i for i, c in enumerate(cases) if c["func"] == func and c["split"] == s])
               for s in SPLITS]
        expected = {"hateful": "flagged", "abusive": "flagged", "clean": "clean"}.get(
            hatecheck_class(func), "(printed only)")
        print(f"| {func} | {expected} | {row[0]} | {row[1]} |")
    print("\n| class | expected | dev | final |")
    print("| --- | --- | --- | --- |")
    for cls, expected in (("hateful", "flagged"), ("abusive", "flagged"), ("clean", "clean")):
        name = "clean_alarm" if cls == "clean" else cls
        row = split_shares(flagged, cases, lambda c: hatecheck_class(c["func"]) == cls, figures,
                           f"hatecheck.{{}}.{name}")
        print(f"| {cls} | {expected} | {row[0]} | {row[1]} |")
    if verbose:
        print("\nHateCheck dev cases missed (hateful, abusive) or alarmed (clean):")
        for i, c in enumerate(cases):
            cls = hatecheck_class(c["func"])
            if c["split"] == "dev" and cls and flagged[i] != (cls != "clean"):
                rules = sorted({f["rule"] for f in results[i] if f["severity"] in SERIOUS})
                print(f"- {c['func']}: {c['text']!r} {rules if rules else ''}")


def lint(texts):
    """Findings for each text, linting BATCH texts per postcheck process."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(texts), BATCH):
            paths = []
            for i, text in enumerate(texts[start:start + BATCH]):
                path = os.path.join(tmp, f"{start + i:05d}.txt")
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                paths.append(path)
            run = subprocess.run([BIN, "--format", "jsonl", "--fail-on", "never",
                                  "--no-config", "-j", str(os.cpu_count() or 1), *paths],
                                 capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"report.py: postcheck exited {run.returncode}: {run.stderr.strip()}")
            by_path = {}
            for line in run.stdout.splitlines():
                record = json.loads(line)
                if "summary" in record:  # the run's closing summary record
                    continue
                by_path[record["path"]] = record["findings"]
            for path in paths:
                if path not in by_path:
                    sys.exit(f"report.py: postcheck gave no result for {path}")
                results.append(by_path[path])
    return results


def serious_categories(findings):
    return {f["category"] for f in findings if f["severity"] in SERIOUS}


def score_posts(posts, results):
    """Figures for one source: overall and per-category recall and precision,
    and the clean-alarm rate."""
    groups = hits = flagged = flagged_right = 0
    per = {c: {"groups": 0, "hits": 0, "flagged": 0, "right": 0} for c in CATEGORIES}
    clean = alarmed = 0
    misses = []
    for post, findings in zip(posts, results):
        got = serious_categories(findings)
        allowed = set(post["also"])
        for group in post["expect"]:
            allowed.update(group.split("|"))
        missed = []
        for group in post["expect"]:
            members = set(group.split("|"))
            hit = bool(got & members)
            groups += 1
            hits += hit
            for c in members:
                per[c]["groups"] += 1
                per[c]["hits"] += hit
            if not hit:
                missed.append(group)
        for c in got:
            flagged += 1
            flagged_right += c in allowed
            if c in per:
                per[c]["flagged"] += 1
                per[c]["right"] += c in allowed
        if not post["expect"]:
            clean += 1
            alarmed += bool(got)
        if missed or (not post["expect"] and got) or (got - allowed):
            misses.append((post, missed, sorted(got - allowed), findings))
    ratio = lambda a, b: a / b if b else None
    figures = {
        "posts": len(posts),
        "recall": ratio(hits, groups), "recall_n": (hits, groups),
        "precision": ratio(flagged_right, flagged), "precision_n": (flagged_right, flagged),
        "clean_alarm": ratio(alarmed, clean), "clean_alarm_n": (alarmed, clean),
        "per": {c: {"recall": ratio(v["hits"], v["groups"]), "recall_n": (v["hits"], v["groups"]),
                    "precision": ratio(v["right"], v["flagged"]),
                    "precision_n": (v["right"], v["flagged"])} for c, v in per.items()},
    }
    return figures, misses


def report_source_row(source, fig, bar, figures):
    """Prints score_posts' figures for `source` as a table row and records
    them (source.recall, .precision, .clean_alarm) for the thresholds."""
    print(f"| {source} | {fig['posts']} | {fmt(fig['recall'], fig['recall_n'])} "
          f"| {fmt(fig['precision'], fig['precision_n'])} "
          f"| {fmt(fig['clean_alarm'], fig['clean_alarm_n'])} | {bar} |")
    for name in ("recall", "precision", "clean_alarm"):
        if fig[name] is not None:
            figures[f"{source}.{name}"] = fig[name]


def fmt(value, counts=None):
    if value is None:
        return "-"
    text = f"{value:.3f}"
    return f"{text} ({counts[0]}/{counts[1]})" if counts else text


def tone_or_discrimination(findings):
    return [f for f in findings if f["severity"] in SERIOUS and f["category"] in ("tone", "discrimination")]


def report_disguises(flagged, clean, figures):
    """The share of `flagged` (text, findings) pairs whose tone or
    discrimination finding survives each disguise of its words, and the
    share of `clean` texts alarmed by one (disguises.py)."""
    flagged = [(text, kept) for text, findings in flagged if (kept := tone_or_discrimination(findings))]
    made = disguises.cases(flagged, clean)
    results = lint([text for _, _, text in made])
    counts = {}  # (side, kind) -> [hits, n]
    for (side, kind, _), findings in zip(made, results):
        c = counts.setdefault((side, kind), [0, 0])
        c[0] += bool(tone_or_discrimination(findings))
        c[1] += 1
    print(f"\nDisguised words (dev parts only): {len(flagged)} real posts, fresh drafts and Davidson tweets "
          f"with a tone or discrimination finding at warning or above, each finding's longest word "
          f"disguised; {len(clean)} official posts, their three longest words disguised\n")
    print("| disguise | flagged texts still flagged | official posts alarmed |")
    print("| --- | --- | --- |")
    for kind in disguises.KINDS:
        cells = []
        for side, figure in (("flagged", "kept"), ("clean", "clean_alarm")):
            hits, n = counts.get((side, kind), (0, 0))
            share = hits / n if n else 0.0
            figures[f"disguise.{kind}.{figure}"] = share
            cells.append(fmt(share, (hits, n)))
        print(f"| {kind} | {cells[0]} | {cells[1]} |")


def main():
    verbose = "-v" in sys.argv[1:]
    try:
        with open(os.path.join(HERE, "thresholds.json"), encoding="utf-8") as f:
            thresholds = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        fail_input("thresholds.json", str(e))
    posts = load_posts(os.path.join(HERE, "real-posts.jsonl"))
    tweets = load_davidson(os.path.join(HERE, "davidson-sample.csv"))
    cases = load_hatecheck(os.path.join(HERE, "hatecheck-cases.csv"))
    sentences = load_sentences(os.path.join(HERE, "toxigen-sentences.csv"), TOXIGEN_LABELS,
                               group_column="group")
    forum = load_sentences(os.path.join(HERE, "stormfront-sentences.csv"), STORMFRONT_LABELS)
    fresh = load_fresh(os.path.join(HERE, "fresh-drafts.jsonl"))
    results = lint([p["text"] for p in posts] + [t["text"] for t in tweets]
                   + [c["text"] for c in cases] + [t["text"] for t in sentences]
                   + [t["text"] for t in forum] + [d["text"] for d in fresh])
    post_results = results[:len(posts)]
    results = results[len(posts):]
    tweet_results, results = results[:len(tweets)], results[len(tweets):]
    case_results, results = results[:len(cases)], results[len(cases):]
    sentence_results, results = results[:len(sentences)], results[len(sentences):]
    forum_results, fresh_results = results[:len(forum)], results[len(forum):]

    figures = {}  # "source.figure" -> value, checked against thresholds.json
    print("The dev parts of the real posts and fresh drafts are the loose-post model's training data "
          "(scripts/models/train-loose-post-model.py), and so are the clean cases of HateCheck's and "
          "ToxiGen's dev parts (for tone and discrimination): their figures show what the rules were "
          "tuned to, not what they carry to unseen text. The final parts are that measure.\n")
    print("Real posts (categories flagged at warning or error)\n")
    print("| source | posts | recall | precision | clean-alarm rate | bar |")
    print("| --- | --- | --- | --- | --- | --- |")
    all_misses = []
    per_rows = []
    for kind in KINDS:
        for split in SPLITS:
            chosen = [(p, r) for p, r in zip(posts, post_results)
                      if p["kind"] == kind and p["split"] == split]
            if not chosen:
                continue
            source = f"{kind}.{split}"
            fig, misses = score_posts([p for p, _ in chosen], [r for _, r in chosen])
            if split == "dev":  # -v lists only what may be tuned on
                all_misses += misses
            bar = BARS["misconduct.recall"] + " recall" if kind == "misconduct" \
                else BARS["official.clean_alarm"] + " clean-alarm"
            report_source_row(source, fig, bar, figures)
            for c in CATEGORIES:
                pc = fig["per"][c]
                if pc["recall"] is None and pc["precision"] is None:
                    continue
                per_rows.append(f"| {source} | {c} | {fmt(pc['recall'], pc['recall_n'])} "
                                f"| {fmt(pc['precision'], pc['precision_n'])} |")
                if pc["recall"] is not None:
                    figures[f"{source}.{c}.recall"] = pc["recall"]
    print("\nBy category (recall over the posts that expect it; precision over "
          "the posts where it was flagged)\n")
    print("| source | category | recall | precision |")
    print("| --- | --- | --- | --- |")
    for row in per_rows:
        print(row)

    print("\nFresh drafts by writers who never saw the rules (categories flagged at warning or error; "
          "first-sight figures in tests/quality/README.md)\n")
    print("| source | drafts | recall | precision | clean-alarm rate | bar |")
    print("| --- | --- | --- | --- | --- | --- |")
    for split in SPLITS:
        chosen = [(d, r) for d, r in zip(fresh, fresh_results) if d["split"] == split]
        fig, misses = score_posts([d for d, _ in chosen], [r for _, r in chosen])
        if split == "dev":
            fresh_misses = misses
        report_source_row(f"fresh.{split}", fig, BARS["fresh.recall"] + " recall", figures)

    print("\nDavidson et al. sample (a tone or discrimination finding at warning or above)\n")
    print("| class | tweets | flagged | bar |")
    print("| --- | --- | --- | --- |")
    for cls, name in DAVIDSON_CLASSES:
        of_class = [r for t, r in zip(tweets, tweet_results) if t["class"] == cls]
        hit = sum(bool(serious_categories(r) & {"tone", "discrimination"}) for r in of_class)
        share = hit / len(of_class) if of_class else 0.0
        figures[f"davidson.{name}"] = share
        print(f"| {name} | {len(of_class)} | {fmt(share, (hit, len(of_class)))} "
              f"| {BARS['davidson.' + name]} |")

    dev_flagged = [(p["text"], r) for p, r in zip(posts, post_results)
                   if p["kind"] == "misconduct" and p["split"] == "dev"]
    dev_flagged += [(d["text"], r) for d, r in zip(fresh, fresh_results) if d["split"] == "dev" and d["expect"]]
    dev_flagged += [(t["text"], r) for t, r in zip(tweets, tweet_results) if t["class"] in ("0", "1")]
    dev_clean = [p["text"] for p in posts if p["kind"] == "official" and p["split"] == "dev"]
    report_disguises(dev_flagged, dev_clean, figures)

    report_hatecheck(cases, case_results, figures, verbose)
    report_sentences("toxigen", "ToxiGen demonstrations (Hartvigsen et al. 2022)", TOXIGEN_LABELS,
                     sentences, sentence_results, figures, verbose)
    report_sentences("stormfront", "Hate-forum sentences (de Gibert et al. 2018, Stormfront); "
                     f"bars {BARS['stormfront.hate']} hate, {BARS['stormfront.noHate']} noHate",
                     STORMFRONT_LABELS, forum, forum_results, figures, verbose)

    if verbose:
        print("\nFresh dev drafts missed, alarmed or extra-flagged:")
        for draft, missed, wrong, findings in fresh_misses:
            print(f"- {draft['id']} missed={missed} extra={wrong}: {draft['text']!r}")
        print("\nDev real posts missed, alarmed or extra-flagged:")
        for post, missed, wrong, findings in all_misses:
            print(f"- {post['id']} ({post['kind']}.{post['split']}) missed={missed} "
                  f"extra={wrong}: {post['text']!r}")
            for f in findings:
                if f["severity"] in SERIOUS:
                    print(f"      {f['severity']:8} {f['rule']}: {f['match']!r}")

    failed = []
    for name, floor in sorted(thresholds.get("min", {}).items()):
        if name not in figures:
            failed.append(f"{name}: no such figure")
        elif figures[name] < floor:
            failed.append(f"{name} = {figures[name]:.3f} is below its threshold {floor}")
    for name, ceiling in sorted(thresholds.get("max", {}).items()):
        if name not in figures:
            failed.append(f"{name}: no such figure")
        elif figures[name] > ceiling:
            failed.append(f"{name} = {figures[name]:.3f} is above its threshold {ceiling}")
    print()
    for line in failed:
        print(f"FAILED: {line}")
    checked = len(thresholds.get("min", {})) + len(thresholds.get("max", {}))
    print(f"quality thresholds: {checked - len(failed)} met, {len(failed)} not met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
