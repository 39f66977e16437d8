#!/usr/bin/env python3
"""Regenerate dictionaries/generated/person-nouns-plural.txt, the plurals of
nouns that name people ("waiters", "landlords", "cyclists"), from WordNet.

Source (pinned by Debian version and by the .deb's SHA-256):
  wordnet-base 1:3.0-37 (Debian), Princeton WordNet 3.0, WordNet 3.0 licence
  (dictionaries/LICENSES/wordnet-3.0.txt).

Selection: a lemma of index.noun that is one lower-case word of letters and
whose most frequent sense (the first synset index.noun lists) is in the
lexicographer file noun.person (18): "waiter", "landlord", "judge", but not
"model" or "star", whose first senses are things. Offenders are left out
(a first sense under wrongdoer.n.01: "burglars", "fraudsters", "rapists"):
a police account condemning burglars who prey on the elderly as despicable
is not abuse of a group. The snapshot
scripts/dictionaries/sources/wordnet-3.0-person-nouns.txt holds those
lemmas. Each lemma's plural is formed by the regular English rules (-ies
after a consonant and y, -es after s, x, z, ch, sh, -men for -man, else -s)
and kept only where Hunspell's en_GB dictionary knows the plural, so
irregular and uncountable nouns drop out rather than being misspelt.

  update-person-nouns.py          regenerate from the committed snapshot
                                  (offline; needs the hunspell CLI and en_GB)
  update-person-nouns.py --fetch  apt-get download the pinned .deb, check its
                                  SHA-256, refresh the snapshot and licence,
                                  then regenerate
  update-person-nouns.py --check  exit 1 naming the file if the committed
                                  list differs from what the script makes

Output is sorted and deterministic.
"""
import argparse
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
SNAPSHOT = os.path.join(ROOT, 'scripts', 'dictionaries', 'sources', 'wordnet-3.0-person-nouns.txt')
LICENCE = os.path.join(ROOT, 'dictionaries', 'LICENSES', 'wordnet-3.0.txt')
OUTPUT = os.path.join(ROOT, 'dictionaries', 'generated', 'person-nouns-plural.txt')
PACKAGE, VERSION = 'wordnet-base', '1:3.0-37'
SHA256 = '61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752'
NOUN_PERSON = 18
COMMAND = 'python3 scripts/dictionaries/update-person-nouns.py --fetch'


def fail(msg):
    sys.exit(f'update-person-nouns: {msg}')


def read_synsets(data_noun):
    """offset -> (lexicographer file number, words, hypernym offsets)."""
    synsets = {}
    with open(data_noun, encoding='latin-1') as f:
        for line in f:
            if line.startswith('  '):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            at = 4 + 2 * count
            hypernyms = []
            for i in range(int(fields[at])):
                symbol, offset, pos = fields[at + 1 + 4 * i:at + 4 + 4 * i]
                if symbol in ('@', '@i') and pos == 'n':
                    hypernyms.append(offset)
            synsets[fields[0]] = (int(fields[1]), words, hypernyms)
    return synsets


def descends_from(synsets, offset, root_word):
    """Whether synset `offset` has a hypernym ancestor holding `root_word`."""
    stack, seen = list(synsets[offset][2]), set()
    while stack:
        o = stack.pop()
        if o in seen:
            continue
        seen.add(o)
        if root_word in synsets[o][1]:
            return True
        stack.extend(synsets[o][2])
    return False


def person_lemmas(index_noun, data_noun):
    synsets = read_synsets(data_noun)
    lemmas = []
    with open(index_noun, encoding='latin-1') as f:
        for line in f:
            if line.startswith('  '):
                continue
            fields = line.split()
            lemma, senses = fields[0], int(fields[2])
            first = fields[-senses]
            if lemma.isascii() and lemma.isalpha() and lemma.islower() and len(lemma) >= 3 \
                    and synsets[first][0] == NOUN_PERSON and 'wrongdoer' not in synsets[first][1] \
                    and not descends_from(synsets, first, 'wrongdoer'):
                lemmas.append(lemma)
    return sorted(set(lemmas))


def fetch():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['apt-get', 'download', f'{PACKAGE}={VERSION}'], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deb = glob.glob(os.path.join(tmp, '*.deb'))[0]
        got = hashlib.sha256(open(deb, 'rb').read()).hexdigest()
        if got != SHA256:
            fail(f'{PACKAGE} {VERSION}: SHA-256 {got} is not the pinned {SHA256}')
        subprocess.run(['dpkg-deb', '-x', deb, os.path.join(tmp, 'x')], check=True)
        share = os.path.join(tmp, 'x', 'usr', 'share')
        lemmas = person_lemmas(os.path.join(share, 'wordnet', 'index.noun'),
                               os.path.join(share, 'wordnet', 'data.noun'))
        with open(SNAPSHOT, 'w', encoding='utf-8') as f:
            f.write(f'# Lemmas of {PACKAGE} {VERSION} (Princeton WordNet 3.0) whose first noun sense\n'
                    f'# is in noun.person and not under wrongdoer.n.01; written by {COMMAND}\n')
            f.write(''.join(l + '\n' for l in lemmas))
        with open(os.path.join(share, 'doc', PACKAGE, 'copyright'), encoding='utf-8') as f:
            text = f.read()
        start = text.index('License: WordNet3.0')
        end = text.index('Files: debian/*')
        with open(LICENCE, 'w', encoding='utf-8') as f:
            f.write(f'WordNet 3.0 licence, as in the copyright file of Debian {PACKAGE} {VERSION}:\n\n')
            f.write(text[start:end].rstrip() + '\n')


def plural(word):
    if word.endswith('man') and not word.endswith(('human', 'shaman', 'german', 'ottoman', 'talisman')):
        return word[:-3] + 'men'
    if word.endswith('y') and word[-2] not in 'aeiou':
        return word[:-1] + 'ies'
    if word.endswith(('s', 'x', 'z', 'ch', 'sh')):
        return word + 'es'
    return word + 's'


def known(words):
    """The words Hunspell's en_GB dictionary knows (hunspell -G prints them)."""
    run = subprocess.run(['hunspell', '-d', 'en_GB', '-G'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True)
    if run.returncode != 0:
        fail(f'hunspell -d en_GB failed: {run.stderr.strip()}')
    return set(run.stdout.split())


def render():
    if not os.path.exists(SNAPSHOT):
        fail(f'{SNAPSHOT}: missing; run {COMMAND}')
    with open(SNAPSHOT, encoding='utf-8') as f:
        lemmas = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    plurals = sorted({plural(l) for l in lemmas} & known([plural(l) for l in lemmas]))
    header = (
        '# GENERATED by scripts/dictionaries/update-person-nouns.py: do not edit by hand.\n'
        '# Plurals of nouns whose most frequent sense is a person ("waiters", "landlords"),\n'
        '# for rules about a group of people that need not be a protected one.\n'
        f'# Source: Debian {PACKAGE} {VERSION}, Princeton WordNet 3.0 (noun.person), WordNet 3.0\n'
        '#   licence: dictionaries/LICENSES/wordnet-3.0.txt. WordNet 3.0 Copyright 2006 by\n'
        '#   Princeton University. All rights reserved.\n'
        '# Selection: the first sense is noun.person and not an offender (wrongdoer.n.01);\n'
        '#   the plural is kept where Hunspell en_GB knows it.\n'
        f'# Command: {COMMAND}\n')
    return header + ''.join(p + '\n' for p in plurals)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    g = parser.add_mutually_exclusive_group()
    g.add_argument('--fetch', action='store_true', help='download the pinned source first')
    g.add_argument('--check', action='store_true', help='compare the committed file, change nothing')
    args = parser.parse_args()
    if args.fetch:
        fetch()
    text = render()
    if args.check:
        with open(OUTPUT, encoding='utf-8') as f:
            if f.read() != text:
                fail(f'{OUTPUT}: differs from what the script makes; run it and commit')
        print(f'update-person-nouns: {os.path.relpath(OUTPUT, ROOT)} is up to date')
        return
    with open(OUTPUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'update-person-nouns: wrote {os.path.relpath(OUTPUT, ROOT)} ({text.count(chr(10)) - 9} words)')


if __name__ == '__main__':
    main()
