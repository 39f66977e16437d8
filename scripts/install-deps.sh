#!/usr/bin/env bash
# Installs postcheck's build and test dependencies: Debian's packages, and
# from npm at pinned versions Microsoft's SARIF Multitool (the SARIF check)
# and write-good (tests/bench/run.sh compares postcheck's speed with it).
# Idempotent: when everything is already installed it does nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libre2-dev libvectorscan-dev libyaml-cpp-dev libcli11-dev doctest-dev
  libhunspell-dev hunspell-en-gb
  hunspell-tools  # unmunch: the build expands en_GB's word forms (lint/matching/word_forms.h)
  hunspell  # the CLI: tests/bench/run.sh times it as the dictionary-loading floor
  libutf8proc-dev
  libstemmer-dev  # Snowball stemmer: word forms of listed words
  libphonenumber-dev libprotobuf-dev libicu-dev libboost-dev
  libcpp-httplib-dev nlohmann-json3-dev  # postcheck serve (lint/service/); JSON exports and baselines
  libcsv-dev  # --input csv
  time  # /usr/bin/time: tests/bench/run.sh measures the archive audit's peak RSS
  python3
  # What the tests use; under CI=true a test fails, never skips, without it.
  python3-jsonschema  # formats_test: SARIF against the official schema
  python3-yaml        # loose_post_model_file: the rules' examples teach the loose-post model
  chromium            # html_render_test, serve_page_test, audit_render_test: headless pages
  strace              # robustness_test: the privacy check (no socket, no file written)
  clang libclang-rt-14-dev  # scripts/fuzz.sh: libFuzzer and the sanitizers' runtime for clang
  git                 # comms_tooling_test: the git hook in a temporary repository
  bsdutils            # cli_test: script(1) gives postcheck a terminal
)
# Microsoft's SARIF Multitool, from npm at a pinned version (formats_test).
SARIF_MULTITOOL_VERSION=5.7.0
# write-good, from npm at a pinned version (tests/bench/run.sh, bench_smoke).
WRITE_GOOD_VERSION=1.0.8

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# npm itself: Debian's, unless some other nodejs already brings it.
command -v npm >/dev/null 2>&1 || missing+=(npm)

multitool_installed() {
  command -v npm >/dev/null 2>&1 || return 1
  local manifest
  manifest="$(npm root -g 2>/dev/null)/@microsoft/sarif-multitool/package.json"
  [ -f "$manifest" ] && grep -q "\"version\": *\"$SARIF_MULTITOOL_VERSION\"" "$manifest" &&
    command -v sarif-multitool >/dev/null 2>&1
}

write_good_installed() {
  command -v npm >/dev/null 2>&1 || return 1
  local manifest
  manifest="$(npm root -g 2>/dev/null)/write-good/package.json"
  [ -f "$manifest" ] && grep -q "\"version\": *\"$WRITE_GOOD_VERSION\"" "$manifest" &&
    command -v write-good >/dev/null 2>&1
}

if [ ${#missing[@]} -eq 0 ] && multitool_installed && write_good_installed; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq -o DPkg::Lock::Timeout=300
  $SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
fi
if ! multitool_installed; then
  echo "install-deps: installing @microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION from npm" >&2
  $SUDO npm install -g --no-fund --no-audit "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" >/dev/null
  # Its postinstall script makes the binary executable; newer npm skips
  # install scripts unless allowed, so do it here either way.
  binary="$(npm root -g)/@microsoft/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
  if [ -f "$binary" ]; then $SUDO chmod a+x "$binary"; fi
  multitool_installed || { echo "install-deps: sarif-multitool did not install" >&2; exit 1; }
fi
if ! write_good_installed; then
  echo "install-deps: installing write-good@$WRITE_GOOD_VERSION from npm" >&2
  $SUDO npm install -g --no-fund --no-audit "write-good@$WRITE_GOOD_VERSION" >/dev/null
  write_good_installed || { echo "install-deps: write-good did not install" >&2; exit 1; }
fi
