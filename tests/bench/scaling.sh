#!/bin/bash
# Scaling of the output formats and of inputs that were once quadratic
# (issue 19): each case runs postcheck on an input of size N and of size 2N
# and prints both wall times and their ratio. About 2 is linear; about 4 is
# quadratic. Prints figures only: it passes or fails nothing (timings belong
# here, never in ctest).
#
#   tests/bench/scaling.sh [POSTCHECK] [N_KB]     (default build/postcheck, 200)
#
# The inputs are generated in a temporary directory and removed after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
POSTCHECK=${1:-$ROOT/build/postcheck}
N_KB=${2:-200}
export POSTCHECK_RULES_DIR=${POSTCHECK_RULES_DIR:-$ROOT/rules}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

make_inputs() { # KB -> files in $TMP/$1/
  mkdir -p "$TMP/$1"
  python3 - "$1" "$TMP/$1" <<'PY'
import random, sys
kb, out = int(sys.argv[1]), sys.argv[2]
size = kb * 1000
random.seed(19)
words = "I reckon the suspect, a scumbag, was bang to rights and the perp is a scrote".split()
line, n = [], 0
while n < size:
    w = random.choice(words); line.append(w); n += len(w) + 1
open(out + "/long-line.txt", "w").write(" ".join(line) + "\n")          # one long line, many findings
open(out + "/at-run.txt", "w").write("a@" * (size // 2))                  # a@a@a@...
with open(out + "/phones.txt", "w") as f:                                 # a phone number a line
    for _ in range(size // 32):
        f.write("Call me on 07911 %06d tonight\n" % random.randrange(10**6))
with open(out + "/findings.txt", "w") as f:                               # many findings, short lines
    n = 0
    while n < size:
        s = "Call 07911 %06d, the scumbag perp was bang to rights.\n" % random.randrange(10**6)
        f.write(s); n += len(s)
PY
}

seconds() { # command... -> wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.2f}')"
}

make_inputs "$N_KB"
make_inputs "$((2 * N_KB))"
printf '| case | %s KB | %s KB | ratio |\n| --- | --- | --- | --- |\n' "$N_KB" "$((2 * N_KB))"
run_case() { # name file args...
  local name=$1 file=$2; shift 2
  local a b
  a=$(seconds "$POSTCHECK" --fail-on never "$@" "$TMP/$N_KB/$file")
  b=$(seconds "$POSTCHECK" --fail-on never "$@" "$TMP/$((2 * N_KB))/$file")
  printf '| %s | %s s | %s s | %s |\n' "$name" "$a" "$b" "$(python3 -c "print(f'{$b / max($a, 0.01):.2f}')")"
}
run_case "json, many findings" findings.txt --format json
run_case "html, many findings" findings.txt --format html
run_case "html --redact-output, many findings" findings.txt --format html --redact-output
run_case "json --redact-output, phone lines" phones.txt --format json --redact-output
run_case "text, one long line" long-line.txt --format text
run_case "sarif, one long line" long-line.txt --format sarif
run_case "--write-baseline, one long line" long-line.txt --format json --write-baseline "$TMP/baseline.json"
run_case "json, a@a@..." at-run.txt --format json
