"""Princeton WordNet 3.0 as the update-*.py scripts read it: the pinned
Debian package, fetched and checked, and its index and data files parsed.

Source (pinned by Debian version and by the .deb's SHA-256):
  wordnet-base 1:3.0-37 (Debian), Princeton WordNet 3.0, WordNet 3.0 licence
  (dictionaries/LICENSES/wordnet-3.0.txt).

extracted() downloads the .deb with apt-get, checks its SHA-256, unpacks it
into a temporary directory, refreshes the licence file and yields the
directory that holds index.noun, data.verb and the rest. Nothing else here
touches the network.
"""
import contextlib
import glob
import hashlib
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
LICENCE = os.path.join(ROOT, 'dictionaries', 'LICENSES', 'wordnet-3.0.txt')
PACKAGE, VERSION = 'wordnet-base', '1:3.0-37'
SHA256 = '61060d960f9ada8fa120872312eccd3ecebfbab8c4579e4f5a74e1cf67620752'
SOURCE = f'Debian {PACKAGE} {VERSION}, Princeton WordNet 3.0'
LICENCE_NOTE = ('#   licence: dictionaries/LICENSES/wordnet-3.0.txt. WordNet 3.0 Copyright 2006 by\n'
                '#   Princeton University. All rights reserved.\n')


@contextlib.contextmanager
def extracted(script):
    """The unpacked dictionary directory of the pinned package (see above)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(['apt-get', 'download', f'{PACKAGE}={VERSION}'], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deb = glob.glob(os.path.join(tmp, '*.deb'))[0]
        got = hashlib.sha256(open(deb, 'rb').read()).hexdigest()
        if got != SHA256:
            sys.exit(f'{script}: {PACKAGE} {VERSION}: SHA-256 {got} is not the pinned {SHA256}')
        subprocess.run(['dpkg-deb', '-x', deb, os.path.join(tmp, 'x')], check=True)
        share = os.path.join(tmp, 'x', 'usr', 'share')
        with open(os.path.join(share, 'doc', PACKAGE, 'copyright'), encoding='utf-8') as f:
            text = f.read()
        start = text.index('License: WordNet3.0')
        end = text.index('Files: debian/*')
        with open(LICENCE, 'w', encoding='utf-8') as f:
            f.write(f'WordNet 3.0 licence, as in the copyright file of Debian {PACKAGE} {VERSION}:\n\n')
            f.write(text[start:end].rstrip() + '\n')
        yield os.path.join(share, 'wordnet')


def _records(path):
    """The fields of each line of a WordNet index or data file, less the
    licence lines at its top (they start with two spaces)."""
    with open(path, encoding='latin-1') as f:
        for line in f:
            if not line.startswith('  '):
                yield line.split()


def read_synsets(data_file, pos):
    """offset -> (lexicographer file number, lower-case words, hypernym offsets)
    for a data.POS file; `pos` is its part of speech ('n', 'v')."""
    synsets = {}
    for fields in _records(data_file):
        count = int(fields[3], 16)
        words = [fields[4 + 2 * i].lower() for i in range(count)]
        at = 4 + 2 * count
        hypernyms = []
        for i in range(int(fields[at])):
            symbol, offset, their_pos = fields[at + 1 + 4 * i:at + 4 + 4 * i]
            if symbol in ('@', '@i') and their_pos == pos:
                hypernyms.append(offset)
        synsets[fields[0]] = (int(fields[1]), words, hypernyms)
    return synsets


def read_senses(index_file):
    """lemma -> its synset offsets, most frequent sense first, for an
    index.POS file."""
    return {fields[0]: fields[-int(fields[2]):] for fields in _records(index_file)}


def ancestors(synsets, offset):
    """The offsets of every hypernym above synset `offset`, not itself."""
    stack, seen = list(synsets[offset][2]), set()
    while stack:
        o = stack.pop()
        if o not in seen:
            seen.add(o)
            stack.extend(synsets[o][2])
    return seen
