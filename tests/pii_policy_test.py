#!/usr/bin/env python3
"""The personal-data severity policy end to end: a member of the public's
phone, e-mail, address, NHS, NI, card or bank number fails the default run
(exit 1) and the shipped git pre-commit hook blocks the commit, however the
number is written; the official forms of the same kind of detail exit 0 and
pass the hook. Also the issue's wrapped and disguised examples, each with an
innocent twin."""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("POSTCHECK_SOURCE_DIR", os.path.join(HERE, ".."))
BIN = os.environ.get("POSTCHECK_BIN", os.path.join(ROOT, "build", "postcheck"))

# A member of the public's details: each fails the default run with this rule.
FAILS = [
    ("personal-data.phone-number", "If anyone knows the lad, text him on 07911 123456."),
    ("personal-data.phone-number", "If anyone knows the lad, text him on 07911\u00a0123456."),
    ("personal-data.phone-number", "If anyone knows the lad, text him on 07911\n123456."),
    ("personal-data.phone-number", "If anyone knows the lad, text him on \uff10\uff17\uff19\uff11\uff11 \uff11\uff12\uff13\uff14\uff15\uff16."),
    ("personal-data.phone-number", "If anyone knows the lad, text him on O7911 l23456."),
    ("personal-data.phone-number", "Message him on wa.me/447911123456 about the bike."),
    ("personal-data.phone-number", "His mum is on 0044 7922 987654."),
    ("personal-data.email-address", "The owner is kaz.b99 at gmail dot com."),
    ("personal-data.street-address", "Loud party at 7 Beech Grove, we've had words."),
    ("personal-data.postcode", "Burglary overnight at a house in M14\n5RT."),
    ("personal-data.nhs-number", "Her NHS number is 943 476 5919."),
    ("personal-data.ni-number", "NI number JG103759A was on the letter."),
    ("personal-data.card-number", "Handed in with a bank card 4111 1111 1111 1111 inside."),
    ("personal-data.sort-code", "Victim paid £4,000 to sort code 20-00-00."),
    ("personal-data.bank-iban", "Money went to IBAN GB82WEST12345698765432."),
]

# The official forms: clean at the default level.
PASSES = [
    "If you have any concerns please call us on 0161 856 4585.",
    "Call the incident room on 0161 496 0000 or Crimestoppers on 0800 555 111.",
    "Email us at neighbourhood.team@gmp.police.uk with any concerns.",
    "Our beat surgery is at the community centre, 2 Market Street, from 10am.",
    "Call 101 quoting log 943 476 5919.",
    "If anyone knows the lad, text him on 07911\n\n123456.",
    "If anyone knows the lad, text him on O791 l23456x.",
]

# The wrapped examples (rule, text) and an innocent twin of each.
WRAPPED = [
    ("personal-data.name-victim", "Chloe Smith, who was sexually\nassaulted last week, lives on Mill Street.",
     "A woman who was sexually\n\nassaulted last week lives in Bolton."),
    ("personal-data.name-arrested", "Mr\nJones was arrested this morning on suspicion of assault.",
     "A man was\narrested this morning on suspicion of assault."),
    ("personal-data.date-of-birth-words", "The victim was born on 12\nMarch 1985.",
     "The event is on 12\nMarch, come along."),
    ("impartiality.party-stance-name", "Vote\nLabour on Thursday.",
     "Vote\n\nLabour on Thursday."),
    ("tone.profanity", "Tell them to piss\noff.", "Tell them to pass\noff the ball."),
    ("personal-data.name-with-street", "It's Mr Jones at 34.", "It's Mr Jones at 3pm on Friday."),
    ("personal-data.name-arrested", "TYLER JONES, 15, was arrested for robbery.",
     "A 15-YEAR-OLD BOY WAS ARRESTED FOR ROBBERY."),
    ("personal-data.identifying-place", "A 15-year-old from Hyde Community College is our suspect for the robbery.",
     "Hyde Community College is holding an open evening on Thursday."),
    ("personal-data.identifying-place",
     "The victim of the sexual assault, a 23-year-old nurse at Stepping Hill Hospital, is being supported.",
     "A man was taken to Stepping Hill Hospital after a crash on the A6."),
]


def lint(text):
    return subprocess.run([BIN, "--format", "jsonl", "-"], input=text, capture_output=True, text=True)


def rules_of(run):
    import json
    out = []
    for line in run.stdout.splitlines():
        for f in json.loads(line).get("findings", []):
            out.append((f["rule"], f["severity"]))
    return out


def main():
    failures = []
    for rule, text in FAILS:
        run = lint(text)
        found = rules_of(run)
        if run.returncode != 1 or (rule, "error") not in found:
            failures.append(f"expected exit 1 with {rule} as an error, got {run.returncode} {found}: {text!r}")
    for text in PASSES:
        run = lint(text)
        found = [f for f in rules_of(run) if f[0].startswith("personal-data.")]
        if run.returncode != 0 or found:
            failures.append(f"expected a clean exit 0, got {run.returncode} {found}: {text!r}")
    for rule, text, twin in WRAPPED:
        found = [r for r, _ in rules_of(lint(text))]
        if rule not in found:
            failures.append(f"expected {rule} in {text!r}, got {found}")
        found = [r for r, _ in rules_of(lint(twin))]
        if rule in found:
            failures.append(f"expected no {rule} in the twin {twin!r}, got {found}")

    # --fix and --redact-output cover every form a number was found in.
    draft = ("Text the lad on 07911\u00a0123456 or O7911 l23456 or\n07911\n123456 or "
             "\uff10\uff17\uff19\uff11\uff11 \uff11\uff12\uff13\uff14\uff15\uff16, mail kaz.b99 at gmail dot com.")
    fixed = subprocess.run([BIN, "--fix", "-"], input=draft, capture_output=True, text=True).stdout
    expected = ("Text the lad on [phone number] or [phone number] or\n[phone number] or [phone number], "
                "mail [email address].")
    if fixed.rstrip("\n") != expected:
        failures.append(f"--fix: expected {expected!r}, got {fixed!r}")
    redacted = subprocess.run([BIN, "--redact-output", "--format", "json", "-"], input=draft, capture_output=True,
                              text=True).stdout
    for secret in ["123456", "l23456", "\uff11\uff12\uff13\uff14", "kaz.b99"]:
        if secret in redacted:
            failures.append(f"--redact-output: {secret!r} is in the output")

    # The shipped git hook blocks a member of the public's number and lets
    # an official appeal line through.
    if shutil.which("git"):
        with tempfile.TemporaryDirectory() as d:
            env = dict(os.environ, POSTCHECK=BIN, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                       GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org", HOME=d)
            subprocess.run(["git", "init", "-q", d], check=True, env=env)
            hook = os.path.join(d, ".git", "hooks", "pre-commit")
            shutil.copy(os.path.join(ROOT, "examples", "hooks", "pre-commit"), hook)
            os.chmod(hook, 0o755)
            for text, blocked in [("Text the lad on 07911\u00a0123456.\n", True),
                                  ("If you have any concerns please call us on 0161 856 4585.\n", False)]:
                with open(os.path.join(d, "draft.txt"), "w", encoding="utf-8") as f:
                    f.write(text)
                subprocess.run(["git", "-C", d, "add", "draft.txt"], check=True, env=env)
                run = subprocess.run(["git", "-C", d, "commit", "-q", "-m", "draft"], capture_output=True,
                                     text=True, env=env)
                if (run.returncode != 0) != blocked:
                    failures.append(f"hook: expected {'blocked' if blocked else 'allowed'} for {text!r}, "
                                    f"exit {run.returncode}: {run.stderr}")
    elif os.environ.get("CI") == "true":
        failures.append("git is missing")

    for f in failures:
        print("FAIL " + f)
    print(f"pii policy: {len(FAILS)} fail, {len(PASSES)} pass, {len(WRAPPED)} wrapped pairs, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
