"""What the update-*.py scripts that write one generated word list share:
the words Hunspell's en_GB dictionary knows, and the command line
(regenerate; --fetch the pinned source first; --check the committed file).
"""
import argparse
import os
import subprocess
import sys


def known(words, script):
    """The words Hunspell's en_GB dictionary knows (hunspell -G prints them);
    exits naming `script` when hunspell cannot run."""
    run = subprocess.run(['hunspell', '-d', 'en_GB', '-G'], input='\n'.join(words) + '\n',
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f'{script}: hunspell -d en_GB failed: {run.stderr.strip()}')
    return set(run.stdout.split())


def main(description, script, root, output, render, fetch):
    """Regenerates `output` with render() (after fetch() with --fetch), or
    with --check exits 1 when the committed file differs from it."""
    main_many(description, script, root, {output: render}, fetch)


def main_many(description, script, root, outputs, fetch):
    """main() for a script that writes several files: `outputs` maps each
    file to the function that renders it."""
    parser = argparse.ArgumentParser(description=description)
    g = parser.add_mutually_exclusive_group()
    g.add_argument('--fetch', action='store_true', help='download the pinned source first')
    g.add_argument('--check', action='store_true', help='compare the committed file, change nothing')
    args = parser.parse_args()
    if args.fetch:
        fetch()
    for output, render in outputs.items():
        text = render()
        name = os.path.relpath(output, root)
        if args.check:
            if not os.path.exists(output) or open(output, encoding='utf-8').read() != text:
                sys.exit(f'{script}: {output}: differs from what the script makes; run it and commit')
            print(f'{script}: {name} is up to date')
            continue
        with open(output, 'w', encoding='utf-8') as f:
            f.write(text)
        words = sum(1 for line in text.splitlines() if line and not line.startswith('#'))
        print(f'{script}: wrote {name} ({words} words)')
