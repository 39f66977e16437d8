#!/usr/bin/env python3
"""Regenerate the profanity and slur word lists in dictionaries/generated/
from pinned npm packages.

Sources (pinned by version and by the npm tarball's sha512 integrity):
  cuss@2.2.0           MIT        English words rated 0-2 for sureness
  naughty-words@1.2.0  CC-BY-4.0  LDNOOBW English list (unrated)
(profanities@3.0.1, MIT, was checked: its English list is cuss's words
without the ratings, so it adds nothing and is not used.)

The words of each source are sorted into lists by kind and strength with the
hand-curated table scripts/dictionaries/source-overrides.txt; a word that is
also in a hand-curated list in dictionaries/ is left out (hand-curated wins).

  update-profanity.py           regenerate from the committed snapshots in
                                scripts/dictionaries/sources/ (offline)
  update-profanity.py --fetch   npm pack the pinned versions, check their
                                integrity, refresh the snapshots and licences,
                                then regenerate
  update-profanity.py --check   exit 1 (naming the file) if a committed list,
                                snapshot or licence differs from what the
                                script makes (offline; run by ctest)

Output is sorted and deterministic: running it twice gives identical bytes.
"""
import argparse
import base64
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..'))
HERE = os.path.join(ROOT, 'scripts', 'dictionaries')
SNAPSHOTS = os.path.join(HERE, 'sources')
OVERRIDES = os.path.join(HERE, 'source-overrides.txt')
DICTS = os.path.join(ROOT, 'dictionaries')
GENERATED = os.path.join(DICTS, 'generated')
LICENSES = os.path.join(DICTS, 'LICENSES')
COMMAND = 'python3 scripts/dictionaries/update-profanity.py --fetch'

SOURCES = [
    {
        'name': 'cuss', 'version': '2.2.0', 'licence': 'MIT',
        'copyright': 'Copyright (c) 2016 Titus Wormer',
        'integrity': 'sha512-3hlHOhMiZ6YdHY5LPUhfxlx1Pj14eGttv2l9ADB1Lkv7e/us5XD798wrVLJ9DHmDO8SzCDuA+ItByFZ3M1dIYg==',
        'data': 'package/index.js', 'licence_file': 'package/license',
    },
    {
        'name': 'naughty-words', 'version': '1.2.0', 'licence': 'CC-BY-4.0',
        'copyright': 'List of Dirty, Naughty, Obscene, and Otherwise Bad Words (LDNOOBW) contributors',
        'integrity': 'sha512-0iadX6fN+3NsfvIRtWmmpEX9VsoIQ6n9FwyIxmew9w5yzFNqMgs/Ky0eAC/z5xXSHtqlVoByiovdROikwH9SXQ==',
        'data': 'package/en.json', 'licence_file': 'package/LICENSE',
    },
]

# Hand-curated lists: a word in one of these is not repeated in a generated list.
HAND_CURATED = [
    'tone-profanity.txt', 'tone-mild.txt', 'tone-insults.txt', 'tone-insult-person.txt',
    'discrimination-slurs.txt', 'discrimination-slurs-person.txt',
    'discrimination-mental-health.txt', 'discrimination-groups.txt',
]

# Output lists: file name -> (source kinds, what it is for)
OUTPUTS = [
    ('tone-profanity-strong.txt', 'strong',
     'Strong profanity (tone.profanity, error): cuss words rated 2, and the few '
     'LDNOOBW words the overrides table marks strong.'),
    ('tone-profanity-moderate.txt', 'moderate',
     'Moderate profanity and vulgar terms (tone.profanity-moderate, warning): '
     'the cuss words rated 1 or 2 that the overrides table marks moderate, and '
     'the few LDNOOBW words it keeps.'),
    ('tone-insult-person.txt', 'person-insult',
     'Insults with an innocent sense (tone.insult-person, warning): reported '
     'only where they refer to a person.'),
    ('discrimination-slurs-strong.txt', 'slur',
     'Slurs against protected groups (discrimination.slurs, error): the cuss '
     'and LDNOOBW words the overrides table marks slur.'),
    ('discrimination-slurs-person.txt', 'person-slur',
     'Slurs with an innocent sense (discrimination.slurs-person, error): '
     'reported only where they refer to a person.'),
]
ACTIONS = {'drop', 'strong', 'moderate', 'slur', 'person-slur', 'person-insult'}


def fail(msg):
    print(f'update-profanity: {msg}', file=sys.stderr)
    sys.exit(2)


def snapshot_path(src):
    ext = os.path.splitext(src['data'])[1]
    return os.path.join(SNAPSHOTS, f"{src['name']}-{src['version']}{ext}")


def licence_path(src):
    return os.path.join(LICENSES, f"{src['name']}-{src['version']}.txt")


def fetch(src, tmp):
    spec = f"{src['name']}@{src['version']}"
    out = subprocess.run(['npm', 'pack', spec, '--json', '--pack-destination', tmp],
                         capture_output=True, text=True)
    if out.returncode != 0:
        fail(f'npm pack {spec} failed: {out.stderr.strip().splitlines()[-1:]}')
    filename = json.loads(out.stdout)[0]['filename']
    data = open(os.path.join(tmp, filename), 'rb').read()
    got = 'sha512-' + base64.b64encode(hashlib.sha512(data).digest()).decode()
    if got != src['integrity']:
        fail(f'{spec}: tarball integrity {got} is not the pinned {src["integrity"]}')
    with tarfile.open(fileobj=io.BytesIO(data), mode='r:gz') as tar:
        return (tar.extractfile(src['data']).read(), tar.extractfile(src['licence_file']).read())


def parse_cuss(text):
    """cuss index.js: `  word: 2,` or `  'two words': 1,` lines -> {word: rating}."""
    words = {}
    for line in text.splitlines():
        m = re.match(r"^\s+(?:'((?:[^'\\]|\\.)*)'|([A-Za-z0-9_$]+)):\s*([012]),?\s*$", line)
        if m:
            words[(m.group(1) if m.group(1) is not None else m.group(2)).replace("\\'", "'")] = int(m.group(3))
    if len(words) < 1000:
        fail(f'cuss snapshot parsed to only {len(words)} words; has the format changed?')
    return words


def parse_ldnoobw(text):
    words = json.loads(text)
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        fail('naughty-words en.json is not a list of strings')
    return words


def read_overrides():
    table = {}
    for n, raw in enumerate(open(OVERRIDES, encoding='utf-8'), 1):
        line = raw.split('#', 1)[0].rstrip()
        if not line.strip():
            continue
        parts = re.split(r'\t+| {2,}', line.strip())
        if len(parts) != 2 or parts[1] not in ACTIONS:
            fail(f'{OVERRIDES}:{n}: expected WORD<tab>ACTION with ACTION one of {sorted(ACTIONS)}')
        word = parts[0].lower()
        if word in table and table[word] != parts[1]:
            fail(f'{OVERRIDES}:{n}: {word!r} is already {table[word]}')
        table[word] = parts[1]
    return table


def read_hand_curated():
    words = set()
    for name in HAND_CURATED:
        path = os.path.join(DICTS, name)
        if not os.path.exists(path):
            continue
        for line in open(path, encoding='utf-8'):
            line = line.split('#', 1)[0].strip().lower()
            if line:
                words.add(line)
    return words


def classify(cuss, ldnoobw, overrides, hand):
    """-> {kind: {word: 'source description'}}"""
    kinds = {k: {} for _, k, _ in OUTPUTS}
    for word, rating in cuss.items():
        w = word.lower()
        action = overrides.get(w, 'strong' if rating == 2 else 'drop')
        if action != 'drop' and w not in hand:
            kinds[action][w] = f'cuss {rating}'
    for word in ldnoobw:
        w = word.lower()
        if w in cuss:
            continue
        action = overrides.get(w, 'drop')
        if action != 'drop' and w not in hand:
            kinds[action][w] = 'ldnoobw'
    return kinds


def render(name, kind, purpose, words):
    cuss_src, ld_src = SOURCES
    lines = [
        f'# GENERATED by scripts/dictionaries/update-profanity.py: do not edit by hand.',
        f'# {purpose}',
        f"# Sources: npm {cuss_src['name']}@{cuss_src['version']} ({cuss_src['licence']}, "
        f"{cuss_src['copyright']}; ratings 0-2 of sureness)",
        f"#   and npm {ld_src['name']}@{ld_src['version']} ({ld_src['licence']}, {ld_src['copyright']}).",
        f'#   Licence texts: dictionaries/LICENSES/. Words are grouped by source.',
        f'# Selection: scripts/dictionaries/source-overrides.txt (hand-curated); words in',
        f'#   the hand-curated lists of dictionaries/ are left out.',
        f'# Command: {COMMAND}',
    ]
    for group in sorted(set(words.values())):
        label = {'cuss 2': 'cuss, rated 2', 'cuss 1': 'cuss, rated 1', 'cuss 0': 'cuss, rated 0',
                 'ldnoobw': 'naughty-words (LDNOOBW)'}[group]
        lines.append(f'# from {label}:')
        lines.extend(w for w in sorted(words) if words[w] == group)
    return '\n'.join(lines) + '\n'


def expected_files(snapshots):
    cuss = parse_cuss(snapshots['cuss'][0].decode('utf-8'))
    ld = parse_ldnoobw(snapshots['naughty-words'][0].decode('utf-8'))
    unknown = sorted(w for w in read_overrides() if w not in {k.lower() for k in cuss} | {k.lower() for k in ld})
    if unknown:
        fail(f'{OVERRIDES}: words in no source: {", ".join(unknown[:20])}')
    kinds = classify(cuss, ld, read_overrides(), read_hand_curated())
    files = {}
    for name, kind, purpose in OUTPUTS:
        files[os.path.join(GENERATED, name)] = render(name, kind, purpose, kinds[kind]).encode('utf-8')
    for src in SOURCES:
        files[snapshot_path(src)] = snapshots[src['name']][0]
        files[licence_path(src)] = snapshots[src['name']][1]
    return files


def load_snapshots():
    snaps = {}
    for src in SOURCES:
        try:
            snaps[src['name']] = (open(snapshot_path(src), 'rb').read(), open(licence_path(src), 'rb').read())
        except OSError as e:
            fail(f'{e.filename}: {e.strerror} (run with --fetch to create it)')
    return snaps


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    g = ap.add_mutually_exclusive_group()
    g.add_argument('--fetch', action='store_true', help='npm pack the pinned versions first')
    g.add_argument('--check', action='store_true', help='compare the committed files, change nothing')
    args = ap.parse_args()
    if args.fetch:
        with tempfile.TemporaryDirectory() as tmp:
            snaps = {src['name']: fetch(src, tmp) for src in SOURCES}
    else:
        snaps = load_snapshots()
    files = expected_files(snaps)
    stale = []
    for path, data in sorted(files.items()):
        have = open(path, 'rb').read() if os.path.exists(path) else None
        if have != data:
            stale.append(path)
            if not args.check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, 'wb') as f:
                    f.write(data)
    # a list this script once made and no longer does (other scripts' lists
    # in the folder say so in their own GENERATED header)
    ours = [os.path.join(GENERATED, f) for f in os.listdir(GENERATED)] if os.path.isdir(GENERATED) else []
    ours = [p for p in ours if open(p, 'rb').read(60).startswith(b'# GENERATED by scripts/dictionaries/update-profanity.py')]
    extra = sorted(set(ours) - set(files))
    if args.check:
        for path in stale:
            print(f'{os.path.relpath(path, ROOT)}: differs from what update-profanity.py makes; rerun it', file=sys.stderr)
        for path in extra:
            print(f'{os.path.relpath(path, ROOT)}: made by update-profanity.py but no longer in its output; delete it', file=sys.stderr)
        sys.exit(1 if stale or extra else 0)
    for path in stale:
        print(f'wrote {os.path.relpath(path, ROOT)}')


if __name__ == '__main__':
    main()
