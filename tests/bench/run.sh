#!/usr/bin/env bash
# postcheck performance benchmark: first sight of real text, -j scaling,
# fresh-process latency and cold start, peak RSS over 100 MB, warm passes.
#
#   tests/bench/run.sh                  # about 10 minutes on a 2-core machine
#   BENCH_QUICK=1 tests/bench/run.sh    # smoke run, small sizes: under a minute
#
# Builds Release in build-bench/ (or $BUILD_DIR; BENCH_NO_BUILD=1 uses the
# postcheck, postcheck_spawn and postcheck_bench already built there), writes
# its data into a temporary directory (never the repository), measures, and
# prints Markdown tables headed by the machine (CPU model, cores, load) and
# the commit, the first beside the targets of issue 19 (pass/miss). It
# reports figures and asserts none; it exits 0 once every
# measurement ran, 2 if one could not run.
#
# The posts (tests/bench/bench_data.py writes them, one post a file):
#   - davidson: the 3,000 real tweets of tests/quality/davidson-sample.csv
#     (Davidson et al. 2017, MIT; see tests/quality/README.md);
#   - corpus: 3,000 drafts recombined from the project's own tests/corpus/
#     and examples/ (names, places and digits varied).
# What is measured, all packs in rules/ (--platform x), and each again with
# `--disable spelling.unknown-word` to show what spelling costs:
#   1. First sight, one process: `postcheck -j N file1 file2 ...` over every
#      post of a set, each post its own file that the process has never seen,
#      at -j 1, 2 and the number of cores; `write-good --parse` (1.0.8, npm)
#      over the same files in the same rounds. Runs alternate, median of
#      $BENCH_ROUNDS rounds. MB/s and posts/s, the speed-up over -j 1, and
#      postcheck -j 1 / write-good.
#   2. A fresh process per post: `postcheck FILE`, bare `hunspell -d en_GB -l`
#      (the dictionary-loading floor) and `write-good FILE`, alternating post
#      by post over $BENCH_FRESH posts spread over each set: median and 90th
#      percentile latency, posts/s; postcheck / hunspell is the cold start.
#   3. Peak RSS (`/usr/bin/time -v`, maximum resident) of one
#      `postcheck --input jsonl` run (-j = cores) over $BENCH_RSS_MB MB of
#      varied posts (1-3 sentences of the tweets and the corpus recombined,
#      about one word in six swapped, seeded: no post repeats another), in
#      files of 1 MB. Stopped after $BENCH_RSS_CAP seconds: the row then says
#      how many MB it had linted.
#   4. Warm passes, labelled so: postcheck_bench builds one Engine and lints
#      the same posts pass after pass in one process, after a warm-up; the
#      median of the passes. Not first-sight speed.
#
# Environment: BUILD_DIR, BENCH_NO_BUILD=1, RULES_DIR (default rules/, copied
# first), BENCH_QUICK=1, BENCH_POSTS (posts a set), BENCH_ROUNDS,
# BENCH_FRESH, BENCH_RSS_MB, BENCH_RSS_CAP, BENCH_WARM_CAP (seconds a warm
# measurement), BENCH_PLATFORM (default x; "" for none), BENCH_SPELLING_RULE
# (default spelling.unknown-word), KEEP_TMP=1 (keep the data, say where).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build-bench}
QUICK=${BENCH_QUICK:-0}
if [ "$QUICK" = 1 ]; then
  POSTS=${BENCH_POSTS:-100} ROUNDS=${BENCH_ROUNDS:-1} FRESH=${BENCH_FRESH:-3}
  RSS_MB=${BENCH_RSS_MB:-0.2} RSS_CAP=${BENCH_RSS_CAP:-10} WARM_CAP=${BENCH_WARM_CAP:-2} WARM_REPEAT=1
else
  POSTS=${BENCH_POSTS:-3000} ROUNDS=${BENCH_ROUNDS:-3} FRESH=${BENCH_FRESH:-60}
  RSS_MB=${BENCH_RSS_MB:-100} RSS_CAP=${BENCH_RSS_CAP:-150} WARM_CAP=${BENCH_WARM_CAP:-20} WARM_REPEAT=3
fi
PLATFORM=${BENCH_PLATFORM-x}
SPELLING_RULE=${BENCH_SPELLING_RULE:-spelling.unknown-word}
WRITE_GOOD_VERSION=1.0.8
CORES=$(nproc)
export LC_ALL=C.UTF-8 NO_COLOR=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/postcheck-bench.XXXXXX")
if [ "${KEEP_TMP:-0}" = 1 ]; then
  echo "bench: data kept in $TMP" >&2
else
  trap 'rm -rf "$TMP"' EXIT
fi
log() { echo "bench: $*" >&2; }
die() { log "$*"; exit 2; }
STARTED=$(date +%s)

# ---- Build (Release) ----
if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  log "building Release in $BUILD"
  LAUNCHER=()
  command -v ccache >/dev/null && LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # A new build directory gets no tests; an existing one keeps its setting.
  [ -f "$BUILD/CMakeCache.txt" ] || LAUNCHER+=(-DBUILD_TESTING=OFF)
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPOSTCHECK_BENCH=ON \
    "${LAUNCHER[@]}" -Wno-dev >"$TMP/cmake.log" 2>&1 || { cat "$TMP/cmake.log" >&2; exit 2; }
  # prefilter_file, pack_snapshot and word_index_file: the bundled packs'
  # Vectorscan database, packs as loaded and word index, which postcheck
  # reads at start-up; without them every process compiles the patterns,
  # parses the YAML and builds the index itself
  cmake --build "$BUILD" --target postcheck prefilter_file pack_snapshot word_index_file postcheck_spawn \
    postcheck_bench -j"$CORES" \
    >"$TMP/build.log" 2>&1 || { tail -30 "$TMP/build.log" >&2; exit 2; }
fi
POSTCHECK="$BUILD/postcheck"
SPAWN="$BUILD/postcheck_spawn"
BENCH="$BUILD/postcheck_bench"
for b in "$POSTCHECK" "$SPAWN" "$BENCH"; do [ -x "$b" ] || die "$b is not built"; done
for f in patterns.hsdb:prefilter_file packs.snapshot:pack_snapshot words.index:word_index_file; do
  [ -f "$BUILD/share/postcheck/${f%%:*}" ] ||
    die "$BUILD/share/postcheck/${f%%:*} is missing: build the ${f#*:} target"
done

# ---- Rules: a snapshot of rules/ (and dictionaries/) ----
RULES_SRC=${RULES_DIR:-$ROOT/rules}
mkdir -p "$TMP/src"
cp -r "$RULES_SRC" "$TMP/src/rules"
[ -d "$(dirname "$RULES_SRC")/dictionaries" ] && cp -r "$(dirname "$RULES_SRC")/dictionaries" "$TMP/src/dictionaries"
RULES="$TMP/src/rules"
export POSTCHECK_RULES_DIR="$RULES"
PLATFORM_ARGS=()
[ -n "$PLATFORM" ] && PLATFORM_ARGS=(--platform "$PLATFORM")
# Every postcheck run: the snapshot's packs, no config, findings to /dev/null.
PC=("$POSTCHECK" --no-config "${PLATFORM_ARGS[@]}" --fail-on never --quiet)
NOSPELL=(--disable "$SPELLING_RULE")
echo "A short draft." >"$TMP/probe.txt"
"${PC[@]}" "${NOSPELL[@]}" "$TMP/probe.txt" >/dev/null 2>"$TMP/probe.err" ||
  die "postcheck does not run with the packs in $RULES_SRC and --disable $SPELLING_RULE: $(head -3 "$TMP/probe.err")"

# ---- Tools compared ----
HUNSPELL_OK=0 WG_OK=0
if command -v hunspell >/dev/null && echo x | hunspell -d en_GB -l >/dev/null 2>&1; then
  HUNSPELL_OK=1
else
  log "no hunspell with en_GB (apt-get install hunspell hunspell-en-gb): its column is skipped"
fi
WG=$(command -v write-good || true)
if [ -n "$WG" ] && [ "$("$WG" --version 2>/dev/null)" = "$WRITE_GOOD_VERSION" ]; then
  WG_OK=1
else
  log "no write-good $WRITE_GOOD_VERSION (scripts/install-deps.sh installs it from npm): its column is skipped"
fi

# ---- Data ----
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
log "writing the posts (davidson, corpus: $POSTS each, one per file) and ${RSS_MB} MB of varied posts in $TMP"
DATA="$TMP/data"
mkdir -p "$DATA"
python3 "$ROOT/tests/bench/bench_data.py" posts --root "$ROOT" --set davidson --count "$POSTS" --out "$DATA/davidson" | tr " " "\n" >"$TMP/davidson.info"
python3 "$ROOT/tests/bench/bench_data.py" posts --root "$ROOT" --set corpus --count "$POSTS" --out "$DATA/corpus" --seed 7 | tr " " "\n" >"$TMP/corpus.info"
RSS_FILES=$(awk -v m="$RSS_MB" 'BEGIN { n = int(m + 0.999); print n < 1 ? 1 : n }')
python3 "$ROOT/tests/bench/bench_data.py" varied --root "$ROOT" --mb "$RSS_MB" --files "$RSS_FILES" --out "$DATA/varied" --seed 8 | tr " " "\n" >"$TMP/varied.info"
SETS=(davidson corpus)
declare -A SET_NAME=([davidson]="Davidson tweets (real)" [corpus]="corpus drafts (ours, recombined)")
for s in "${SETS[@]}"; do  # $FRESH posts spread evenly over the set (the tweets come sorted by class)
  awk -v n="$FRESH" -v total="$(wc -l <"$DATA/$s.list")" \
    'BEGIN { step = total / n; next_at = 0 } NR - 1 >= next_at && taken < n { print; taken++; next_at += step }' \
    "$DATA/$s.list" >"$DATA/$s.fresh"
done

# key=value output -> value
get() { awk -F= -v k="$1" '$1 == k { print $2 }' "$2"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
JOBS=(1 2)
[ "$CORES" -gt 2 ] && JOBS+=("$CORES")

# ---- 1. First sight, one process over every post ----
for s in "${SETS[@]}"; do
  progs=()
  for j in "${JOBS[@]}"; do
    progs+=(--vs --ok 0 -- "${PC[@]}" -j "$j" '{all}' --vs --ok 0 -- "${PC[@]}" "${NOSPELL[@]}" -j "$j" '{all}')
  done
  [ "$WG_OK" = 1 ] && progs+=(--vs --ok 0,255 -- "$WG" --parse '{all}')
  log "first sight, $s: $POSTS posts, postcheck -j ${JOBS[*]} with and without spelling$([ "$WG_OK" = 1 ] && echo ', write-good'), $ROUNDS round(s)"
  "$SPAWN" run --repeat "$ROUNDS" --cwd "$DATA" --files "$DATA/$s.list" "${progs[@]:1}" >"$TMP/first.$s" ||
    die "first-sight run over $s failed (see above)"
done

# ---- 2. A fresh process per post ----
for s in "${SETS[@]}"; do
  progs=(--ok 0 -- "${PC[@]}" '{}' --vs --ok 0 -- "${PC[@]}" "${NOSPELL[@]}" '{}')
  [ "$HUNSPELL_OK" = 1 ] && progs+=(--vs --ok 0 --stdin '{}' -- hunspell -d en_GB -l)
  [ "$WG_OK" = 1 ] && progs+=(--vs --ok 0,255 -- "$WG" --parse '{}')
  log "fresh process per post, $s: $FRESH posts, each program in turn"
  "$SPAWN" run --cwd "$DATA" --files "$DATA/$s.fresh" "${progs[@]}" >"$TMP/fresh.$s" ||
    die "fresh-process run over $s failed (see above)"
done

# ---- 3. Peak RSS over the varied posts ----
log "peak RSS: postcheck --input jsonl -j $CORES over $(get bytes "$TMP/varied.info") bytes (cap ${RSS_CAP}s)"
set +e
(cd "$DATA" && /usr/bin/time -v -o "$TMP/rss.time" timeout "$RSS_CAP" "${PC[@]}" -j "$CORES" --input jsonl \
  --format jsonl varied/*.jsonl >"$TMP/rss.out" 2>"$TMP/rss.err")
RSS_STATUS=$?
set -e
[ -s "$TMP/rss.time" ] || die "/usr/bin/time is missing (apt-get install time)"
[ "$RSS_STATUS" = 0 ] || [ "$RSS_STATUS" = 124 ] || die "postcheck --input jsonl failed ($RSS_STATUS): $(tail -3 "$TMP/rss.err")"
RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/rss.time")
RSS_S=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$TMP/rss.time")
# One line of output a post: what share of the posts was linted.
RSS_DONE_MB=$(calc %.1f "$(grep -c '"record"' "$TMP/rss.out" || true) / $(get posts "$TMP/varied.info") * $(get bytes "$TMP/varied.info") / 1e6")

# ---- 4. Warm passes ----
WARM=(--rules "$RULES" "${PLATFORM_ARGS[@]}")
for s in "${SETS[@]}"; do
  log "warm passes, $s: postcheck_bench, one Engine, with and without spelling (cap ${WARM_CAP}s each)"
  "$BENCH" lint "${WARM[@]}" --corpus "$DATA/$s.joined" --threads 1 --repeat "$WARM_REPEAT" \
    --max-seconds "$WARM_CAP" >"$TMP/warm.$s" 2>"$TMP/warm.err" || die "postcheck_bench: $(tail -3 "$TMP/warm.err")"
  "$BENCH" lint "${WARM[@]}" --disable "$SPELLING_RULE" --corpus "$DATA/$s.joined" --threads 1 \
    --repeat "$WARM_REPEAT" --max-seconds "$WARM_CAP" >"$TMP/warmns.$s" 2>"$TMP/warm.err" ||
    die "postcheck_bench: $(tail -3 "$TMP/warm.err")"
done

# ---- Report ----
# "0.042 MB/s, 164 posts/s" for BYTES and POSTS in MS milliseconds
rate() { calc "%.3f MB/s, %.0f posts/s" "$1 / 1e6 / ($3 / 1000), $2 / ($3 / 1000)"; }
cell() { # file prefix set -> rate cell for one program of a one-process run
  rate "$(get bytes "$TMP/$3.info")" "$(get posts "$TMP/$3.info")" "$(get "${2}wall_ms_median" "$1")"
}
lat() { # file prefix -> "112 ms (p90 130 ms), 8.9 posts/s"
  calc "%.0f ms (p90 %.0f ms), %.1f posts/s" \
    "$(get "${2}wall_ms_median" "$1"), $(get "${2}wall_ms_p90" "$1"), 1000 / $(get "${2}wall_ms_mean" "$1")"
}
ratio() { calc %.2f "$1 / $2"; }
commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
dirty=$(git -C "$ROOT" diff --quiet HEAD -- lint rules dictionaries 2>/dev/null || echo ' + uncommitted changes in lint/, rules/ or dictionaries/')
WG_MISSING="n/a: write-good $WRITE_GOOD_VERSION not installed"
HUN_MISSING="n/a: no hunspell en_GB"

echo
echo "## postcheck benchmark$([ "$QUICK" = 1 ] && echo " (BENCH_QUICK=1: smoke sizes, figures not comparable)")"
echo
echo "- machine: $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $CORES cores, $(awk '/MemTotal/ { printf "%.0f GB RAM", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME")"
echo "- commit: $commit$dirty (lint/, rules/, dictionaries/ last changed at $(git -C "$ROOT" log -1 --format=%h -- lint rules dictionaries 2>/dev/null || echo '?')), Release, $(g++ -dumpfullversion 2>/dev/null | sed 's/^/g++ /')"
echo "- rules: $(get packs "$TMP/warm.davidson") packs, $(get rules "$TMP/warm.davidson") rules, every pack enabled${PLATFORM:+, --platform $PLATFORM}; \"no spelling\" = --disable $SPELLING_RULE"
echo "- posts: Davidson $(get posts "$TMP/davidson.info") tweets, $(get bytes "$TMP/davidson.info") bytes; corpus $(get posts "$TMP/corpus.info") drafts, $(get bytes "$TMP/corpus.info") bytes; one file each"
FREE_CORES=$("$SPAWN" spin --threads 2 --seconds 1 | awk -F= '$1 == "cores_used" { print $2 }')
echo "- load average before / after: $LOAD_BEFORE / $(cut -d' ' -f1-3 /proc/loadavg); 2 busy threads got $FREE_CORES cores at the end"
if [ "$RSS_STATUS" = 0 ]; then
  rss_how="after all $(calc %.1f "$(get bytes "$TMP/varied.info") / 1e6") MB in $RSS_S s"
else
  rss_how="after $RSS_DONE_MB of $(calc %.1f "$(get bytes "$TMP/varied.info") / 1e6") MB: stopped at the ${RSS_CAP}s cap"
fi
h=$TMP/first.davidson
if [ "$WG_OK" = 1 ]; then
  h_wg="$(ratio "$(get "p$((2 * ${#JOBS[@]}))_wall_ms_median" "$h")" "$(get p0_wall_ms_median "$h")")x write-good's speed in the same run"
else
  h_wg="write-good not installed"
fi
if [ "$HUNSPELL_OK" = 1 ]; then
  h_cold="$(ratio "$(get p0_wall_ms_median "$TMP/fresh.davidson")" "$(get p2_wall_ms_median "$TMP/fresh.davidson")")x bare hunspell"
else
  h_cold="no hunspell to compare"
fi
echo "- **headline** (first sight of the real tweets, every pack, spelling included): -j 1 $(cell "$h" p0_ davidson) = $h_wg;" \
  "-j 2 $(ratio "$(get p0_wall_ms_median "$h")" "$(get p2_wall_ms_median "$h")")x -j 1;" \
  "cold start $h_cold; peak RSS $(calc %.1f "$RSS_KB / 1024") MB ($rss_how)"
echo "- command: $([ "$QUICK" = 1 ] && echo 'BENCH_QUICK=1 ')tests/bench/run.sh ($(($(date +%s) - STARTED)) s)"
echo
# The targets of issue 19, for the first sight of the real tweets with every pack.
verdict() { awk -v a="$1" -v op="$2" -v b="$3" 'BEGIN { ok = (op == ">=") ? (a + 0 >= b + 0) : (a + 0 <= b + 0); print ok ? "pass" : "miss" }'; }
h_mbs=$(calc %.3f "$(get bytes "$TMP/davidson.info") / 1e6 / ($(get p0_wall_ms_median "$h") / 1000)")
h_j2=$(ratio "$(get p0_wall_ms_median "$h")" "$(get p2_wall_ms_median "$h")")
echo "| Target (issue 19; first sight of the real tweets, every pack) | Measured | Target | |"
echo "| --- | --- | --- | --- |"
echo "| Single thread (-j 1) | $h_mbs MB/s | >= 30 MB/s | $(verdict "$h_mbs" '>=' 30) |"
if [ "$WG_OK" = 1 ]; then
  h_wgr=$(ratio "$(get "p$((2 * ${#JOBS[@]}))_wall_ms_median" "$h")" "$(get p0_wall_ms_median "$h")")
  echo "| Against write-good, same run | ${h_wgr}x | >= 50x | $(verdict "$h_wgr" '>=' 50) |"
else
  echo "| Against write-good, same run | $WG_MISSING | >= 50x | n/a |"
fi
if [ "$(verdict "$FREE_CORES" '>=' 1.8)" = pass ]; then j2v=$(verdict "$h_j2" '>=' 1.8); else j2v="n/a: machine busy ($FREE_CORES of 2 cores free)"; fi
echo "| -j 2 over -j 1 | ${h_j2}x | >= 1.8x | $j2v |"
if [ "$HUNSPELL_OK" = 1 ]; then
  h_cr=$(ratio "$(get p0_wall_ms_median "$TMP/fresh.davidson")" "$(get p2_wall_ms_median "$TMP/fresh.davidson")")
  echo "| Cold start over bare hunspell | ${h_cr}x | <= 1.3x | $(verdict "$h_cr" '<=' 1.3) |"
else
  echo "| Cold start over bare hunspell | $HUN_MISSING | <= 1.3x | n/a |"
fi
rss_mb=$(calc %.1f "$RSS_KB / 1024")
if [ "$RSS_STATUS" = 0 ]; then rv=$(verdict "$rss_mb" '<=' 64); else rv="miss: did not finish in ${RSS_CAP}s"; fi
echo "| Peak RSS over $(calc %.1f "$(get bytes "$TMP/varied.info") / 1e6") MB of varied posts | $rss_mb MB | <= 64 MB, all of it linted | $rv |"
echo
echo "### First sight: one process over every post, each post its own file (median of $ROUNDS)"
echo
echo "| Posts | -j | postcheck, every pack | postcheck, no spelling | write-good $WRITE_GOOD_VERSION | postcheck / write-good |"
echo "| --- | --- | --- | --- | --- | --- |"
wg_index=$((2 * ${#JOBS[@]}))
for s in "${SETS[@]}"; do
  f="$TMP/first.$s"
  k=0
  for j in "${JOBS[@]}"; do
    all="$(cell "$f" "p${k}_" "$s")"
    ns="$(cell "$f" "p$((k + 1))_" "$s")"
    if [ "$j" = 1 ]; then
      base_all=$(get p0_wall_ms_median "$f"); base_ns=$(get p1_wall_ms_median "$f")
      if [ "$WG_OK" = 1 ]; then
        wgms=$(get "p${wg_index}_wall_ms_median" "$f")
        wg="$(cell "$f" "p${wg_index}_" "$s")"
        vs="$(ratio "$wgms" "$base_all")x (no spelling: $(ratio "$wgms" "$base_ns")x)"
      else
        wg="$WG_MISSING"; vs="n/a"
      fi
    else
      all="$all = $(ratio "$base_all" "$(get "p${k}_wall_ms_median" "$f")")x -j 1"
      ns="$ns = $(ratio "$base_ns" "$(get "p$((k + 1))_wall_ms_median" "$f")")x -j 1"
      wg="-"; vs="-"
    fi
    echo "| ${SET_NAME[$s]} | $j | $all | $ns | $wg | $vs |"
    k=$((k + 2))
  done
done
echo
echo "Peak RSS of those runs: Davidson -j 1 $(calc %.1f "$(get p0_peak_rss_kb_max "$TMP/first.davidson") / 1024") MB, corpus -j 1 $(calc %.1f "$(get p0_peak_rss_kb_max "$TMP/first.corpus") / 1024") MB."
echo
echo "### A fresh process per post ($FRESH posts spread over each set, programs in turn post by post)"
echo
echo "| Posts | postcheck, every pack | postcheck, no spelling | bare hunspell -d en_GB -l | cold start: postcheck / hunspell | write-good $WRITE_GOOD_VERSION | postcheck / write-good |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for s in "${SETS[@]}"; do
  f="$TMP/fresh.$s"
  k=2
  if [ "$HUNSPELL_OK" = 1 ]; then
    hun="$(lat "$f" p2_)"
    cold="$(ratio "$(get p0_wall_ms_median "$f")" "$(get p2_wall_ms_median "$f")")x (no spelling: $(ratio "$(get p1_wall_ms_median "$f")" "$(get p2_wall_ms_median "$f")")x)"
    k=3
  else
    hun="$HUN_MISSING"; cold="n/a"
  fi
  if [ "$WG_OK" = 1 ]; then
    wg="$(lat "$f" "p${k}_")"
    wgr="$(ratio "$(get "p${k}_wall_ms_mean" "$f")" "$(get p0_wall_ms_mean "$f")")x"
  else
    wg="$WG_MISSING"; wgr="n/a"
  fi
  echo "| ${SET_NAME[$s]} | $(lat "$f" p0_) | $(lat "$f" p1_) | $hun | $cold | $wg | $wgr |"
done
echo
echo "postcheck / X is X's time over postcheck's (above 1: postcheck is faster); cold start is postcheck's median"
echo "over hunspell's (the issue's target: <= 1.3x). Peak RSS of one fresh postcheck: $(calc %.1f "$(get p0_peak_rss_kb_median "$TMP/fresh.davidson") / 1024") MB (median)."
echo
echo "### Memory and warm passes"
echo
echo "| Measure | postcheck, every pack | postcheck, no spelling |"
echo "| --- | --- | --- |"
echo "| Peak RSS, varied posts, --input jsonl -j $CORES, $(get files "$TMP/varied.info") file(s) of <= 1 MB | $(calc %.1f "$RSS_KB / 1024") MB ($rss_how) | - |"
for s in "${SETS[@]}"; do
  w="$TMP/warm.$s" n="$TMP/warmns.$s"
  capped() { [ "$(get complete "$1")" = 1 ] || echo " (est.: $(get linted_mb "$1") MB in the ${WARM_CAP}s cap)"; }
  echo "| WARM (not first sight): ${SET_NAME[$s]}, one Engine, 1 thread | $(get mb_per_s "$w") MB/s$(capped "$w") | $(get mb_per_s "$n") MB/s$(capped "$n") |"
done
echo
echo "Warm: postcheck_bench lints the same posts again and again in one process after an untimed warm-up"
echo "(median of up to $WARM_REPEAT passes): what a long-running process reaches once its caches hold the text."
[ "$WG_OK" = 1 ] || echo "write-good columns skipped: write-good $WRITE_GOOD_VERSION is not installed (scripts/install-deps.sh installs it from npm)."
[ "$HUNSPELL_OK" = 1 ] || echo "hunspell column skipped: no hunspell command with the en_GB dictionary (scripts/install-deps.sh installs it)."
exit 0
