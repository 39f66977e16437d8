"""Disguised real text, for report.py: how well a finding survives when its
words are written the way people hide them, and whether disguising the words
of clean posts raises alarms.

Each kind of disguise is applied, deterministically, to words of real text:
  - a flagged text (a dev misconduct post, a dev fresh draft, a Davidson
    tweet labelled hate or offensive, with a tone or discrimination finding
    at warning or above): the longest word of three letters or more in each
    such finding's span is disguised; the figure is the share still flagged;
  - a clean text (a dev official post): its three longest words of four
    letters or more are disguised; the figure is the share alarmed (a tone
    or discrimination finding at warning or above).
Only dev parts are disguised: the final parts stay unseen.

Kinds (the word "people" as example):
  del       a letter out of the middle        peole
  swap      two middle letters swapped        pepole
  leet      a letter after the first as digit p3ople
  star      a middle vowel masked             p*ople
  spaceadd  a space in the middle             peo ple
  join      run together with the next word   peopleare (else the one before)
  repeat    a middle letter written thrice    peoppple
  dots      a dot between each letter         p.e.o.p.l.e
  upper     in capitals                       PEOPLE
"""
import re

KINDS = ("del", "swap", "leet", "star", "spaceadd", "join", "repeat", "dots", "upper")
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5"}
WORD = re.compile(r"[A-Za-z]+")


def disguise(kind, text, begin, end):
    """`text` with the word text[begin:end] disguised by `kind`, or None when
    the kind does not apply to it (too short, nothing to join).

    >>> [disguise(k, "all people are", 4, 10) for k in KINDS]  # doctest: +NORMALIZE_WHITESPACE
    ['all peole are', 'all pepole are', 'all p3ople are', 'all p*ople are', 'all peo ple are',
     'all peopleare', 'all peoppple are', 'all p.e.o.p.l.e are', 'all PEOPLE are']
    >>> disguise("join", "people", 0, 6), disguise("join", "all people", 4, 10), disguise("del", "a cat", 2, 5)
    (None, 'allpeople', None)
    """
    w = text[begin:end]
    n, m = len(w), len(w) // 2
    before, after = text[:begin], text[end:]
    if kind == "del":
        return before + w[:m] + w[m + 1:] + after if n >= 4 else None
    if kind == "swap":
        return before + w[:m - 1] + w[m] + w[m - 1] + w[m + 1:] + after if n >= 4 else None
    if kind == "leet":
        for i in range(1, n):
            if w[i].lower() in LEET:
                return before + w[:i] + LEET[w[i].lower()] + w[i + 1:] + after
        return None
    if kind == "star":
        for i in range(1, n - 1):
            if w[i].lower() in "aeiou":
                return before + w[:i] + "*" + w[i + 1:] + after
        return None
    if kind == "spaceadd":
        return before + w[:m] + " " + w[m:] + after if n >= 4 else None
    if kind == "join":
        if after[:1] == " " and after[1:2].isalpha():
            return before + w + after[1:]
        if before[-1:] == " " and before[-2:-1].isalpha():
            return before[:-1] + w + after
        return None
    if kind == "repeat":
        return before + w[:m] + w[m] * 2 + w[m:] + after
    if kind == "dots":
        return before + ".".join(w) + after
    if kind == "upper":
        return before + w.upper() + after
    raise ValueError(kind)


def disguise_all(kind, text, spans):
    """`text` with each (begin, end) word of `spans` (not overlapping)
    disguised by `kind`, or None when it applies to none of them.

    >>> disguise_all("star", "I hate these people", [(2, 6), (13, 19)])
    'I h*te these p*ople'
    """
    changed = False
    for begin, end in sorted(spans, reverse=True):  # from the end: offsets stay right
        out = disguise(kind, text, begin, end)
        if out is not None:
            text, changed = out, True
    return text if changed else None


def finding_words(text, findings):
    """The longest word of three letters or more in each finding's span
    (character offsets in `text`; a finding's offset and length are in
    UTF-8 bytes), not overlapping.

    >>> finding_words("£5 fat slobs", [{"offset": 4, "length": 9}, {"offset": 8, "length": 5}])
    [(7, 12)]
    """
    raw = text.encode("utf-8")
    spans = []
    for f in findings:
        start = len(raw[:f["offset"]].decode("utf-8", errors="ignore"))
        span = raw[f["offset"]:f["offset"] + f["length"]].decode("utf-8", errors="ignore")
        words = [m for m in WORD.finditer(span) if len(m.group()) >= 3]
        if not words:
            continue
        best = max(words, key=lambda m: len(m.group()))
        word = (start + best.start(), start + best.end())
        if all(word[1] <= b or word[0] >= e for b, e in spans):
            spans.append(word)
    return spans


def longest_words(text, count=3, shortest=4):
    """The `count` longest words of `shortest` letters or more (first ones
    first among equals)."""
    words = [m for m in WORD.finditer(text) if len(m.group()) >= shortest]
    words.sort(key=lambda m: (-len(m.group()), m.start()))
    return [(m.start(), m.end()) for m in words[:count]]


def cases(flagged, clean):
    """Disguised texts: a list of (side, kind, text), side "flagged" or
    "clean". `flagged` is a list of (text, its serious tone or
    discrimination findings); `clean` a list of texts."""
    out = []
    for text, findings in flagged:
        spans = finding_words(text, findings)
        for kind in KINDS:
            disguised = disguise_all(kind, text, spans)
            if disguised is not None:
                out.append(("flagged", kind, disguised))
    for text in clean:
        spans = longest_words(text)
        for kind in KINDS:
            disguised = disguise_all(kind, text, spans)
            if disguised is not None:
                out.append(("clean", kind, disguised))
    return out
