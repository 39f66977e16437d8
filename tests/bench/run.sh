#!/usr/bin/env bash
# postcheck performance benchmark: throughput, scaling, cold start, memory.
#
#   tests/bench/run.sh
#
# Builds Release in build-bench/ (or $BUILD_DIR), generates test corpora from
# tests/corpus/*.jsonl and examples/*.txt into a temporary directory (never the
# repository), measures, and prints a Markdown table with each figure beside
# its target, marked PASS or MISS. It reports; it always exits 0 once the
# measurements ran (2 if it could not build or run them).
#
# What is measured (all packs in rules/ enabled, spelling included):
#   - single-thread throughput: postcheck_bench loads the packs once, builds one
#     Engine and times Engine::Lint over every draft of a 10 MB corpus;
#   - 2 threads: the same with two std::thread workers sharing the Engine;
#   - time per MB at 1, 10 and 100 MB, each the median of several runs. The
#     100 MB point lints the 10 MB corpus 10 times in one process
#     (BENCH_FULL_100MB=1 generates and lints a real 100 MB corpus instead:
#     +~60 s);
#   - tripled rules: every pack copied twice more under new pack ids
#     (personal-data-2, -3...), `rules:` references and ../dictionaries/ paths
#     kept working, loaded together with the originals; measured in three
#     pairs, each the packs as shipped then tripled, and compared by medians;
#   - an archive audit: `postcheck --input jsonl` over 10,000 and 100,000
#     generated posts (posts per second, and peak RSS at both sizes, which
#     must stay bounded: not grow with the number of posts);
#   - cold start: wall time and peak RSS of `postcheck short-draft.txt` from a
#     fresh process, median of $RUNS runs (default 20), beside a bare
#     `hunspell -d en_GB -l` on the same draft (the dictionary-loading floor),
#     the runs of the two alternating.
# If no pack in rules/ has a spelling rule yet, a stand-in pack with one
# en_GB spelling rule is added (and said so) so that spelling is included.
#
# Environment: BUILD_DIR, RULES_DIR (default rules/, copied before measuring), RUNS (cold-start repeats), BENCH_FULL_100MB=1,
# KEEP_TMP=1 (keep the generated data and print where it is).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build-bench}
RUNS=${RUNS:-20}
CAP=${BENCH_CAP_SECONDS:-30}      # time budget of one throughput measurement
PLATFORM=${BENCH_PLATFORM-x}      # --platform for every run ("" for none)
export LC_ALL=C.UTF-8

TMP=$(mktemp -d "${TMPDIR:-/tmp}/postcheck-bench.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  echo "bench: data kept in $TMP" >&2
else
  trap 'rm -rf "$TMP"' EXIT
fi
log() { echo "bench: $*" >&2; }

# ---- Build (Release) ----
log "building Release in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DPOSTCHECK_BENCH=ON \
  -Wno-dev >"$TMP/cmake.log" 2>&1 || { cat "$TMP/cmake.log" >&2; exit 2; }
cmake --build "$BUILD" --target postcheck postcheck_bench -j"$(nproc)" >"$TMP/build.log" 2>&1 ||
  { tail -30 "$TMP/build.log" >&2; exit 2; }
BENCH="$BUILD/postcheck_bench"
POSTCHECK="$BUILD/postcheck"

# ---- Rules: everything in rules/, plus a stand-in spelling pack if needed ----
# A snapshot, so that every measurement sees the same packs even while rules/
# is being edited.
RULES_SRC=${RULES_DIR:-$ROOT/rules}
mkdir -p "$TMP/src"
cp -r "$RULES_SRC" "$TMP/src/rules"
[ -d "$(dirname "$RULES_SRC")/dictionaries" ] && cp -r "$(dirname "$RULES_SRC")/dictionaries" "$TMP/src/dictionaries"
RULES="$TMP/src/rules"
RULE_ARGS=(--rules "$RULES")
CLI_EXTRA=()
NOTE_SPELLING="rules/ has a spelling rule"
shopt -s nullglob
PACKS=("$RULES"/*.yaml "$RULES"/*.yml)
if ! grep -qE '^[[:space:]]*spelling:' "${PACKS[@]}" 2>/dev/null; then
  mkdir -p "$TMP/extra"
  cat >"$TMP/extra/bench-spelling.yaml" <<'EOF'
pack: bench-spelling
description: Stand-in spelling rule for tests/bench/run.sh while rules/ has none.
rules:
  - id: misspelt
    category: spelling
    severity: suggestion
    message: "'{match}' is not in the en_GB dictionary"
    why: Posts should be in correct, plain English.
    suggest: "{suggestions}"
    spelling:
      dictionary: en_GB
    examples:
      flag: ["it was realy usefull"]
      pass: ["it was really useful"]
EOF
  RULE_ARGS+=(--rules "$TMP/extra")
  CLI_EXTRA=(--rules "$TMP/extra")
  PACKS+=("$TMP/extra/bench-spelling.yaml")
  NOTE_SPELLING="rules/ has no spelling rule yet: a stand-in en_GB spelling pack was added"
fi
mkdir -p "$TMP/x3/rules"
python3 "$ROOT/tests/bench/bench_data.py" triple --out "$TMP/x3/rules" --copies 2,3 "${PACKS[@]}" >/dev/null

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# ---- Corpora ----
log "generating corpora in $TMP"
python3 "$ROOT/tests/bench/bench_data.py" corpus --root "$ROOT" --mb 1 --out "$TMP/c1" --seed 1 >/dev/null
python3 "$ROOT/tests/bench/bench_data.py" corpus --root "$ROOT" --mb 10 --out "$TMP/c10" --seed 2 >/dev/null
python3 "$ROOT/tests/bench/bench_data.py" short --root "$ROOT" --out "$TMP/short.txt"
if [ "${BENCH_FULL_100MB:-0}" = 1 ]; then
  python3 "$ROOT/tests/bench/bench_data.py" corpus --root "$ROOT" --mb 100 --out "$TMP/c100" --seed 3 >/dev/null
fi

# key=value output of postcheck_bench -> value
get() { awk -F= -v k="$1" '$1 == k { print $2 }' "$2"; }
lint() { # out-file args...
  local out=$1
  shift
  "$BENCH" lint "$@" >"$out" 2>"$out.err" || { cat "$out.err" >&2; return 1; }
}

PLATFORM_ARGS=()
[ -n "$PLATFORM" ] && PLATFORM_ARGS=(--platform "$PLATFORM")
B=("${RULE_ARGS[@]}" "${PLATFORM_ARGS[@]}")
log "checking the packs load"
lint "$TMP/r0" "${B[@]}" --corpus "$TMP/c1" --repeat 1 --max-seconds 5 ||
  { log "the rule packs in $RULES_SRC do not load (see above): nothing measured"; exit 2; }
log "single thread, 10 MB (cap ${CAP}s)"
lint "$TMP/r1" "${B[@]}" --corpus "$TMP/c10" --threads 1 --repeat 3 --max-seconds "$CAP"
log "2 threads, 10 MB (cap ${CAP}s)"
"$BENCH" spin --threads 2 --seconds 1 >"$TMP/spin"
lint "$TMP/r2" "${B[@]}" --corpus "$TMP/c10" --threads 2 --repeat 3 --max-seconds "$CAP"
log "1 MB (cap $((CAP / 2))s)"
lint "$TMP/r1mb" "${B[@]}" --corpus "$TMP/c1" --threads 1 --repeat 5 --max-seconds $((CAP / 2))
if [ "${BENCH_FULL_100MB:-0}" = 1 ]; then
  log "100 MB, generated, median of 3 (cap $((CAP * 3))s)"
  lint "$TMP/r100" "${B[@]}" --corpus "$TMP/c100" --threads 1 --repeat 3 --max-seconds $((CAP * 3))
  HOW100="a generated 100 MB corpus"
else
  # Median of 3, like the 10 MB point: the first run pays once for what the
  # engine caches (spelling suggestions for the corpus's misspellings), which
  # is not a cost that grows with the input.
  log "100 MB = 10 MB corpus x 10 in-process, median of 3 (cap $((CAP * 3))s)"
  lint "$TMP/r100" "${B[@]}" --corpus "$TMP/c10" --threads 1 --passes 10 --repeat 3 --max-seconds $((CAP * 3))
  HOW100="the 10 MB corpus linted 10 times in one process"
fi
# Tripled rules against the packs as shipped, measured in turn (three pairs)
# rather than against the single-thread figure above: on a shared virtual
# machine the speed drifts over a run of the script, and a ratio of two
# measurements taken a minute apart measured the drift as much as the rules.
log "tripled rules vs as shipped, 10 MB, 3 pairs in turn (cap ${CAP}s each)"
TRIPLED_OK=1
for pair in 1 2 3; do
  lint "$TMP/r3s$pair" "${B[@]}" --corpus "$TMP/c10" --threads 1 --repeat 3 --max-seconds "$CAP" || TRIPLED_OK=0
  lint "$TMP/r3x$pair" "${B[@]}" --rules "$TMP/x3/rules" --corpus "$TMP/c10" --threads 1 --repeat 3 \
    --max-seconds "$CAP" || TRIPLED_OK=0
done
# Not targets, but they show where the time goes.
SPELL_PACKS=()
for p in $(grep -lE '^[[:space:]]*spelling:' "${PACKS[@]}"); do
  SPELL_PACKS+=(--disable-pack "$(sed -nE "s/^pack:[[:space:]]*['\"]?([a-z0-9-]+).*/\1/p" "$p" | head -1)")
done
log "10 MB without the spelling pack(s) (cap $((CAP / 2))s)"
lint "$TMP/rnospell" "${B[@]}" "${SPELL_PACKS[@]}" --corpus "$TMP/c10" --threads 1 --repeat 3 --max-seconds $((CAP / 2))
log "the 1 MB corpus as one draft (cap $((CAP / 2))s)"
lint "$TMP/rone" "${B[@]}" --corpus "$TMP/c1" --one-draft --threads 1 --repeat 1 --max-seconds $((CAP / 2))

# From $TMP, so that no .postcheck.yaml of the caller's applies. With the
# hunspell binary, its runs alternate with postcheck's (spawn --vs), so that
# a VM getting busier or quieter during the measurement weighs on both alike.
HUNSPELL_OK=1
VS_HUNSPELL=(--vs --stdin "$TMP/short.txt" -- hunspell -d en_GB -l)
if command -v hunspell >/dev/null; then
  log "cold start: postcheck and hunspell -d en_GB -l, alternating, x$RUNS each"
else
  HUNSPELL_OK=0
  VS_HUNSPELL=()
  log "hunspell binary missing (apt-get install hunspell): no dictionary-loading floor"
  log "cold start: postcheck x$RUNS"
fi
(cd "$TMP" && POSTCHECK_RULES_DIR="$RULES" "$BENCH" spawn --repeat "$RUNS" -- \
  "$POSTCHECK" "${CLI_EXTRA[@]}" "${PLATFORM_ARGS[@]}" "$TMP/short.txt" "${VS_HUNSPELL[@]}" >"$TMP/cold")

# An archive audit through the command line: 10,000 and 100,000 posts as
# JSON Lines, read, linted and written out as jsonl (-j default). Peak RSS at
# 100,000 against 10,000 posts shows that memory does not grow with the posts.
log "archive audit: 10,000 and 100,000 posts of JSON Lines through postcheck --input jsonl"
python3 "$ROOT/tests/bench/bench_data.py" jsonl --root "$ROOT" --posts 10000 --out "$TMP/a10k.jsonl" --seed 5 >/dev/null
python3 "$ROOT/tests/bench/bench_data.py" jsonl --root "$ROOT" --posts 100000 --out "$TMP/a100k.jsonl" --seed 6 >/dev/null
audit() { # posts-file -> "seconds peak_rss_kb"
  (cd "$TMP" && POSTCHECK_RULES_DIR="$RULES" /usr/bin/time -f "%e %M" -o "$TMP/audit.time" \
    "$POSTCHECK" "${CLI_EXTRA[@]}" "${PLATFORM_ARGS[@]}" --input jsonl --date-field date --format jsonl \
    --fail-on never --quiet "$1" >"$TMP/audit.out" 2>"$TMP/audit.err") ||
    { log "postcheck --input jsonl failed: $(tail -3 "$TMP/audit.err")"; echo "0 0"; return; }
  tail -1 "$TMP/audit.time"
}
read -r A10_S A10_RSS <<<"$(audit "$TMP/a10k.jsonl")"
read -r A100_S A100_RSS <<<"$(audit "$TMP/a100k.jsonl")"
A100_LINES=$(wc -l <"$TMP/audit.out")

# ---- Report ----
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a + 0 >= b + 0) : (a + 0 <= b + 0); print ok ? "PASS" : "MISS" }'; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }

mbps1=$(get mb_per_s "$TMP/r1"); s10=$(get seconds "$TMP/r1")
mbps2=$(get mb_per_s "$TMP/r2")
speedup=$(calc %.2f "$mbps2 / $mbps1")
spm1=$(get seconds_per_mb "$TMP/r1mb"); spm10=$(get seconds_per_mb "$TMP/r1"); spm100=$(get seconds_per_mb "$TMP/r100")
# 100 MB time / 10 MB time = 10 x (cost per MB at 100 MB / cost per MB at 10 MB)
ratio100=$(calc %.2f "10 * $spm100 / $spm10")
cold=$(get wall_ms_median "$TMP/cold"); rss=$(get peak_rss_kb_median "$TMP/cold")
rss_mb=$(calc %.1f "$rss / 1024")
# " (est.: X of Y MB in the time cap)" when a measurement was cut short
capped() { [ "$(get complete "$1")" = 1 ] || echo " (est.: $(get linted_mb "$1") of $(calc %.0f "$(get bytes "$1") * $(get passes "$1") / 1e6") MB in the ${2}s cap)"; }
ms() { calc %.1f "$1 * 1000"; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo
echo "## postcheck benchmark"
echo
echo "- machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "- postcheck $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- lint rules 2>/dev/null || echo ' + uncommitted changes in lint/ or rules/'), Release, $(g++ -dumpfullversion 2>/dev/null | sed 's/^/g++ /')"
echo "- rules: $(get packs "$TMP/r1") packs, $(get rules "$TMP/r1") rules ($(get reported_rules "$TMP/r1") reported, $(get spelling_rules "$TMP/r1") spelling); ${PLATFORM:+--platform $PLATFORM; }$NOTE_SPELLING"
echo "- corpus: $(get drafts "$TMP/r1") drafts, $(get bytes "$TMP/r1") bytes, recombined from tests/corpus and examples; $(get findings_per_kb "$TMP/r1") findings per KB"
echo "- engine load in-process: $(ms "$(get load_seconds "$TMP/r1")") ms; in-process peak RSS after the 100 MB run: $(calc %.1f "$(get peak_rss_kb "$TMP/r100") / 1024") MB"
echo "- load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg); 2 busy threads got $(get cores_used "$TMP/spin") cores just before the 2-thread run"
echo "- command: tests/bench/run.sh"
echo
echo "| Measure | Figure | Target | Result |"
echo "| --- | --- | --- | --- |"
echo "| Single-thread throughput (10 MB, all packs, spelling) | $mbps1 MB/s$(capped "$TMP/r1" "$CAP") | >= 50 MB/s | $(verdict "$mbps1" '>=' 50) |"
free=$(get cores_used "$TMP/spin")
if [ "$(verdict "$free" '>=' 1.8)" = PASS ]; then j2=$(verdict "$speedup" '>=' 1.7); else j2="n/a: machine busy ($free of 2 cores free)"; fi
echo "| 2 threads sharing one Engine | $mbps2 MB/s = $speedup x, $(get cores_used "$TMP/r2") cores busy$(capped "$TMP/r2" "$CAP") | >= 1.7x | $j2 |"
if [ "$HUNSPELL_OK" = 1 ]; then
  hun=$(get vs_wall_ms_median "$TMP/cold"); hun_rss=$(get vs_peak_rss_kb_median "$TMP/cold")
  cold_ratio=$(calc %.2f "$cold / $hun")
  echo "| Cold start, one short draft (median of $RUNS, runs alternating with hunspell's) | $cold ms = $cold_ratio x bare hunspell ($hun ms) | <= 1.3x bare hunspell | $(verdict "$cold_ratio" '<=' 1.3) |"
else
  echo "| Cold start, one short draft (median of $RUNS) | $cold ms | <= 1.3x bare hunspell | n/a (no hunspell binary) |"
fi
echo "| Peak RSS, cold start | $rss_mb MB$([ "$HUNSPELL_OK" = 1 ] && echo " (bare hunspell: $(calc %.1f "$hun_rss / 1024") MB)") | <= 64 MB | $(verdict "$rss_mb" '<=' 64) |"
echo "| Time per MB at 1 / 10 / 100 MB | $(ms "$spm1") / $(ms "$spm10") / $(ms "$spm100") ms$( [ "$(get complete "$TMP/r100")$(get complete "$TMP/r1")" = 11 ] || echo " (est., capped)") | linear | - |"
echo "| 100 MB time vs 10 MB time | $ratio100 x$(capped "$TMP/r100" $((CAP * 2))) | <= 11x | $(verdict "$ratio100" '<=' 11) |"
if [ "$TRIPLED_OK" = 1 ]; then
  spm3s=$(median "$(get seconds_per_mb "$TMP/r3s1")" "$(get seconds_per_mb "$TMP/r3s2")" "$(get seconds_per_mb "$TMP/r3s3")")
  spm3x=$(median "$(get seconds_per_mb "$TMP/r3x1")" "$(get seconds_per_mb "$TMP/r3x2")" "$(get seconds_per_mb "$TMP/r3x3")")
  ratio3=$(calc %.2f "$spm3x / $spm3s")
  echo "| Rules tripled ($(get rules "$TMP/r3x1") rules) vs as shipped, 3 pairs in turn | $ratio3 x time ($(calc %.3f "1 / $spm3x") vs $(calc %.3f "1 / $spm3s") MB/s, medians)$(capped "$TMP/r3x1" "$CAP") | <= 1.5x | $(verdict "$ratio3" '<=' 1.5) |"
else
  echo "| Rules tripled | could not load the copies (see above) | <= 1.5x | n/a |"
fi
if [ "$A100_RSS" != 0 ] && [ "$A10_RSS" != 0 ]; then
  echo "| Archive audit, 100,000 posts of JSON Lines (CLI, $(nproc) threads, jsonl out) | $(calc %.0f "100000 / $A100_S") posts/s ($A100_S s; 10,000 posts: $(calc %.0f "10000 / $A10_S") posts/s) | - | - |"
  echo "| Peak RSS of that audit, 100,000 vs 10,000 posts | $(calc %.1f "$A100_RSS / 1024") vs $(calc %.1f "$A10_RSS / 1024") MB | bounded: <= 10,000's + 16 MB | $(verdict "$A100_RSS" '<=' "$((A10_RSS + 16384))") |"
  [ "$A100_LINES" = 100001 ] || echo "| (!) The 100,000-post audit wrote $A100_LINES lines, not 100,001 | | | MISS |"
else
  echo "| Archive audit, 100,000 posts of JSON Lines | failed (see above) | - | MISS |"
fi
echo "| (info) Single thread without the spelling pack | $(get mb_per_s "$TMP/rnospell") MB/s$(capped "$TMP/rnospell" $((CAP / 2))) | - | - |"
echo "| (info) The 1 MB corpus as one 1 MB draft | $(get mb_per_s "$TMP/rone") MB/s$(capped "$TMP/rone" $((CAP / 2))) | - | - |"
echo
echo "Throughput: median of up to 3 timed runs after an untimed 256 KB warm-up, each"
echo "measurement capped at ${CAP}s (est. = MB/s over what was linted in the cap)."
echo "100 MB point: $HOW100. 2 threads on a $(nproc)-core machine."
