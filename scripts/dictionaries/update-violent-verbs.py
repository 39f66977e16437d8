#!/usr/bin/env python3
"""Regenerate dictionaries/generated/violent-verbs.txt, verbs of physical
violence against a person ("wallop", "garrotte", "clobber"), from WordNet.

Source: Princeton WordNet 3.0 as Debian's wordnet-base 1:3.0-37 pins it
(wordnet.py; licence in dictionaries/LICENSES/wordnet-3.0.txt).

Selection: a lemma of index.verb that is one lower-case word of letters
whose most frequent sense (the first synset index.verb lists) is one of the
ROOTS below or a hyponym of one: "clobber" (strike violently and
repeatedly), "garrotte" (kill), but not "deck" or "smash", whose first
senses are decorating and breaking things. The snapshot
scripts/dictionaries/sources/wordnet-3.0-violent-verbs.txt holds those
lemmas with their root. Left out: the lemmas violent-verbs-overrides.txt
lists, each with its reason (police and everyday senses, "charge",
"grass", "neutralise", and words mostly nouns, "assault"), words Hunspell's en_GB dictionary does
not know, and words the hand-curated dictionaries/concept-violent-verbs.txt
already has. Base forms only: word matching adds the inflections.

  update-violent-verbs.py          regenerate from the committed snapshot
                                   (offline; needs the hunspell CLI and en_GB)
  update-violent-verbs.py --fetch  apt-get download the pinned .deb, check
                                   its SHA-256, refresh the snapshot and
                                   licence, then regenerate
  update-violent-verbs.py --check  exit 1 naming the file if the committed
                                   list differs from what the script makes

Output is sorted and deterministic.
"""
import os
import sys

import generated_list
import wordnet

ROOT = wordnet.ROOT
HERE = os.path.dirname(os.path.abspath(__file__))
SNAPSHOT = os.path.join(HERE, 'sources', 'wordnet-3.0-violent-verbs.txt')
OVERRIDES = os.path.join(HERE, 'violent-verbs-overrides.txt')
HAND = os.path.join(ROOT, 'dictionaries', 'concept-violent-verbs.txt')
OUTPUT = os.path.join(ROOT, 'dictionaries', 'generated', 'violent-verbs.txt')
COMMAND = 'python3 scripts/dictionaries/update-violent-verbs.py --fetch'
# The senses whose hyponyms are violence against a person, as (lemma, sense
# number in index.verb) with WordNet's gloss.
ROOTS = (
    ('hit', 3),        # deal a blow to, either with the hand or with an instrument
    ('hit', 6),        # hit with a missile from a weapon (shoot)
    ('beat', 2),       # give a beating to (beat up, work over)
    ('batter', 2),     # strike violently and repeatedly (clobber)
    ('kill', 1),       # cause to die
    ('murder', 1),     # kill intentionally and with premeditation
    ('injure', 1),     # cause injuries or bodily harm to
    ('strangle', 1),   # kill by squeezing the throat
    ('strangle', 5),   # constrict someone's throat and keep from breathing (choke)
    ('stab', 1),       # use a knife on (knife)
    ('assault', 1),    # attack someone physically or emotionally
)


def fail(msg):
    sys.exit(f'update-violent-verbs: {msg}')


def violent_lemmas(index_verb, data_verb):
    """[(lemma, 'root.sense')] for the selection above, sorted."""
    synsets = wordnet.read_synsets(data_verb, 'v')
    senses = wordnet.read_senses(index_verb)
    roots = {senses[lemma][n - 1]: f'{lemma}.{n}' for lemma, n in ROOTS}
    out = []
    for lemma, offsets in senses.items():
        if not (lemma.isascii() and lemma.isalpha() and lemma.islower() and len(lemma) >= 3):
            continue
        first = offsets[0]
        hit = [roots[o] for o in [first, *sorted(wordnet.ancestors(synsets, first))] if o in roots]
        if hit:
            out.append((lemma, hit[0]))
    return sorted(out)


def fetch():
    with wordnet.extracted('update-violent-verbs') as wn:
        lemmas = violent_lemmas(os.path.join(wn, 'index.verb'), os.path.join(wn, 'data.verb'))
    with open(SNAPSHOT, 'w', encoding='utf-8') as f:
        f.write(f'# Lemmas of {wordnet.PACKAGE} {wordnet.VERSION} (Princeton WordNet 3.0) whose first verb\n'
                f'# sense is under one of the roots of update-violent-verbs.py, each with its root;\n'
                f'# written by {COMMAND}\n')
        f.write(''.join(f'{lemma}\t{root}\n' for lemma, root in lemmas))


def read_words(path):
    with open(path, encoding='utf-8') as f:
        return [l.split('#')[0].strip() for l in f if l.split('#')[0].strip()]


def read_overrides():
    """The lemmas left out; exit 2 naming the line when one has no reason."""
    out = set()
    with open(OVERRIDES, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith('#'):
                continue
            word, sep, reason = line.partition('#')
            if not sep or not reason.strip() or len(word.split()) != 1:
                print(f'{OVERRIDES}:{number}: expected "WORD  # reason"', file=sys.stderr)
                sys.exit(2)
            out.add(word.strip())
    return out


def render():
    if not os.path.exists(SNAPSHOT):
        fail(f'{SNAPSHOT}: missing; run {COMMAND}')
    lemmas = [l.split('\t')[0] for l in read_words(SNAPSHOT)]
    left_out = read_overrides() | set(read_words(HAND))
    kept = sorted(set(lemmas) - left_out)
    kept = sorted(set(kept) & generated_list.known(kept, 'update-violent-verbs'))
    header = (
        '# GENERATED by scripts/dictionaries/update-violent-verbs.py: do not edit by hand.\n'
        '# Verbs of physical violence against a person ("wallop", "garrotte"), base forms,\n'
        '# for the rules on violence and threats beside dictionaries/concept-violent-verbs.txt.\n'
        f'# Source: {wordnet.SOURCE} (verb hyponyms), WordNet 3.0\n'
        + wordnet.LICENCE_NOTE +
        '# Selection: the first sense is under hit.3, hit.6, beat.2, batter.2, kill.1,\n'
        '#   murder.1, injure.1, strangle.1, strangle.5, stab.1 or assault.1; less\n'
        '#   scripts/dictionaries/violent-verbs-overrides.txt, the hand-curated list, and\n'
        '#   words Hunspell en_GB does not know.\n'
        f'# Command: {COMMAND}\n')
    return header + ''.join(w + '\n' for w in kept)


def main():
    generated_list.main(__doc__.split('\n')[0], 'update-violent-verbs', ROOT, OUTPUT, render, fetch)


if __name__ == '__main__':
    main()
