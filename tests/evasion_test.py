#!/usr/bin/env python3
"""Each trick people use to sneak a word past the rules, tried on a
profanity, a slur and a risk word with the real packs: the finding must come
from the right rule and point at the disguised text in the original draft.
Ordinary words that contain listed ones must stay clean."""
import json
import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(HERE, "..", "build", "postcheck"))

WORDS = {  # word -> the rule that must flag it
    "shit": "tone.profanity",
    "paki": "discrimination.slurs",
    "scum": "tone.dehumanising",
}

ZWSP, SHY, WJ = "\u200b", "\u00ad", "\u2060"
CYRILLIC = str.maketrans({"a": "\u0430", "c": "\u0441", "o": "\u043e", "p": "\u0440", "e": "\u0435"})


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) for c in s)


TRICKS = {
    "upper case": lambda w: w.upper(),
    "full-width letters": fullwidth,
    "zero-width space inside": lambda w: w[:2] + ZWSP + w[2:],
    "soft hyphen inside": lambda w: w[:2] + SHY + w[2:],
    "word joiner inside": lambda w: w[:1] + WJ + w[1:],
    "Cyrillic look-alikes": lambda w: w.translate(CYRILLIC),
    "leetspeak digits": lambda w: w.translate(str.maketrans("aioets", "410375")),
    "leetspeak symbols": lambda w: w.translate(str.maketrans("as", "@$")),
    "masked with *": lambda w: w[0] + "*" * (len(w) - 2) + w[-1],
    "masked with .": lambda w: w[:2] + "." + w[3:],
    "repeated letters": lambda w: w[:2] + w[2] * 5 + w[3:],
}


def lint(text):
    r = subprocess.run([BIN, "--no-config", "--format", "json", "--fail-on", "never", "-"],
                       input=text.encode("utf-8"), capture_output=True)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)["files"][0]["findings"]


class Evasion(unittest.TestCase):
    def test_every_trick_on_every_word(self):
        for word, rule in WORDS.items():
            for trick, disguise in TRICKS.items():
                disguised = disguise(word)
                if disguised == word:
                    continue  # the trick does not apply to this word (e.g. no 'a' to leet)
                prefix = "Honestly, 😂 what a "
                text = prefix + disguised + " he is."
                with self.subTest(word=word, trick=trick, text=text):
                    hits = [f for f in lint(text) if f["rule"] == rule]
                    self.assertEqual(len(hits), 1, lint(text))
                    f = hits[0]
                    raw = text.encode("utf-8")
                    start = len(prefix.encode("utf-8"))
                    # The finding covers the disguised word in the original text.
                    self.assertEqual(f["offset"], start)
                    self.assertEqual(raw[f["offset"]:f["offset"] + f["length"]].decode(), disguised)
                    self.assertEqual(f["match"], disguised)
                    self.assertEqual(f["column"], len(prefix) + 1)

    def test_ordinary_words_stay_clean(self):
        clean = ("Scunthorpe United won. The class will assess the cocktail menu at the Pakistan "
                 "embassy; Penistone and Essex officers shared a scuttle of coal. Therapist, "
                 "documents, classic, passion, Dickens, analyse, mishit, shitake.")
        flagged = [(f["rule"], f["match"]) for f in lint(clean)
                   if f["category"] in ("tone", "discrimination")]
        self.assertEqual(flagged, [])


class ConstructionWords(unittest.TestCase):
    """A construction (a group, a claim, a wish for violence) still holds when
    one of its words is misspelt, run together with the next or spelt out
    (lint/matching/word_reading.h); the finding points at the draft as
    written, and the spelling rule still sees the misspelling."""

    CASES = [  # draft, rule, the finding's text
        ("Those kinds of travellers ought to be execuetd.", "tone.endorsing-violence",
         "travellers ought to be execuetd"),
        ("Travellers are a cancr on this town.", "discrimination.group-contempt", "Travellers"),
        ("Travellers are a c a n c e r on this town.", "discrimination.group-contempt",
         "Travellers"),
        ("Ihate travellers.", "discrimination.group-contempt", "travellers"),
        ("These travellersdisgust me.", "discrimination.group-contempt", "These travellers"),
        ("Travellers are sostupid.", "discrimination.group-contempt", "Travellers"),
        ("Trav ellers are a cancer on this town.", "discrimination.group-contempt", "Trav ellers"),
        ("Travellers are pat hetic.", "discrimination.group-contempt", "Travellers"),
        ("I will ki ll you.", "tone.first-person-violence", "ki ll"),
        ("Travellers are p.a.t.h.e.t.i.c", "discrimination.group-contempt", "Travellers"),
        ("Travellers are p-a-t-h-e-t-i-c", "discrimination.group-contempt", "Travellers"),
        # the finding covers the whole word written apart, separators too
        ("She deserved to be r-a-p-e-d.", "tone.violence-normative", "deserved to be r-a-p-e-d"),
        ("She deserved to be r*ped.", "tone.violence-normative", "deserved to be r*ped"),
        ("Travellers are path*tic.", "discrimination.group-contempt", "Travellers"),
        ("Travellers are sooo patheeetic.", "discrimination.group-contempt", "Travellers"),
    ]

    def test_disguised_construction_words(self):
        for text, rule, match in self.CASES:
            with self.subTest(text=text):
                findings = lint(text)
                hits = [f for f in findings if f["rule"] == rule]
                self.assertTrue(hits, f"{rule} not raised: {[f['rule'] for f in findings]}")
                self.assertEqual(hits[0]["match"], match)
                start = text.index(match)
                self.assertEqual(hits[0]["column"], start + 1)

    def test_misspelling_still_reported(self):
        for text, word in (("Travellers are a cancr on this town.", "cancr"), ("Ihate travellers.", "Ihate"),
                           ("Travellers are sostupid.", "sostupid")):
            with self.subTest(text=text):
                spelling = [f["match"] for f in lint(text) if f["rule"] == "spelling.unknown-word"]
                self.assertEqual(spelling, [word])

    def test_innocent_misspellings_stay_clean(self):
        clean = ("Thanks to everyone who came to the open day, the kids loved teh horses and the "
                 "polcie dogs. We are in Penistone and Scunthorpe next week, see you thier.")
        serious = [f["rule"] for f in lint(clean)
                   if f["severity"] in ("warning", "error") and f["category"] in ("tone", "discrimination")]
        self.assertEqual(serious, [])


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=1).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
