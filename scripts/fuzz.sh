#!/usr/bin/env bash
# Builds the "fuzz" preset (clang, libFuzzer, ASan + UBSan) and runs each
# fuzzer for N seconds (default 60) over a temporary copy of its seed corpus
# in tests/fuzz/corpus, so the repository is not modified; new inputs that
# libFuzzer finds stay in the copy (kept, with any crash files, in the
# directory printed at the end when something fails).
#
# Usage: scripts/fuzz.sh [SECONDS] [FUZZER...]     (fuzzers: engine loader serve snapshot)
# Env:   FUZZ_JOBS (build parallelism, default nproc), FUZZ_ARGS (extra
#        libFuzzer flags, e.g. "-max_len=4096"), POSTCHECK_RULES_DIR.
# Exit:  0 when every fuzzer ran its time with no crash, leak, timeout, OOM
#        or sanitizer report; 1 otherwise.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift $(( $# > 0 ? 1 : 0 ))
fuzzers=("$@")
[ ${#fuzzers[@]} -eq 0 ] && fuzzers=(engine loader serve snapshot)
case "$seconds" in ''|*[!0-9]*) echo "fuzz.sh: SECONDS must be a number, not '$seconds'" >&2; exit 2;; esac

cd "$root"
echo "fuzz.sh: building the fuzz preset" >&2
if ! { cmake --preset fuzz >/dev/null && cmake --build --preset fuzz -j"${FUZZ_JOBS:-$(nproc)}" \
         --target engine_fuzzer loader_fuzzer serve_request_fuzzer snapshot_fuzzer >/dev/null; }; then
  echo "fuzz.sh: build failed (cmake --preset fuzz && cmake --build --preset fuzz)" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/postcheck-fuzz-XXXXXX")"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}print_stacktrace=1:halt_on_error=1"
failed=0
summary=()
for name in "${fuzzers[@]}"; do
  target="${name}_fuzzer"
  [ "$name" = serve ] && target="serve_request_fuzzer"
  bin="$root/build-fuzz/tests/fuzz/$target"
  seeds="$root/tests/fuzz/corpus/$name"
  if [ ! -x "$bin" ] || [ ! -d "$seeds" ]; then
    echo "fuzz.sh: no fuzzer '$name' ($bin) or no corpus ($seeds)" >&2
    failed=1; summary+=("$name: missing"); continue
  fi
  corpus="$work/$name-corpus"; artifacts="$work/$name-artifacts"; log="$work/$name.log"
  mkdir -p "$corpus" "$artifacts"
  cp -r "$seeds/." "$corpus/"
  echo "fuzz.sh: running ${name}_fuzzer for ${seconds}s (log: $log)" >&2
  # -timeout: one input taking over 10 s counts as a hang; -rss_limit_mb: OOM.
  # shellcheck disable=SC2086
  "$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" ${FUZZ_ARGS:-} >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  units=$(find "$corpus" -type f | wc -l)
  reports=$(grep -cE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer|==[0-9]+== ERROR' "$log")
  crashes=$(find "$artifacts" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$reports" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    summary+=("$name: FAILED (exit $rc, $reports sanitizer/libFuzzer reports, $crashes artifacts in $artifacts)")
    grep -E -m 20 'ERROR|runtime error|SUMMARY|Test unit written|engine_fuzzer:|loader_fuzzer:|serve_request_fuzzer:' "$log" >&2
  else
    summary+=("$name: ok, ${runs:-?} runs in ${seconds}s, cov ${cov:-?}, corpus ${units} inputs")
  fi
done

if [ "$failed" -eq 0 ]; then
  rm -rf "$work"
  echo "fuzz.sh: PASS: $(IFS=';'; echo "${summary[*]}" | sed 's/;/; /g')"
else
  echo "fuzz.sh: FAIL: $(IFS=';'; echo "${summary[*]}" | sed 's/;/; /g') (logs and inputs kept in $work)"
fi
exit "$failed"
