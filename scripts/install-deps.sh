#!/usr/bin/env bash
# Installs postcheck's build and test dependencies from Debian's packages.
# Idempotent: when every package is already installed it does nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libre2-dev libyaml-cpp-dev libcli11-dev doctest-dev
  libhunspell-dev hunspell-en-gb
  hunspell  # the CLI: tests/bench/run.sh times it as the dictionary-loading floor
  libutf8proc-dev
  libstemmer-dev  # Snowball stemmer: word forms of listed words
  libphonenumber-dev libprotobuf-dev libicu-dev libboost-dev
  libcpp-httplib-dev nlohmann-json3-dev  # postcheck serve (lint/service/); JSON exports and baselines
  libcsv-dev  # --input csv
  chromium  # headless: html_render_test, serve_page_test, audit_render_test
  clang libclang-rt-dev  # the fuzz preset (libFuzzer)
  time  # /usr/bin/time: tests/bench/run.sh measures the archive audit's peak RSS
  python3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq -o DPkg::Lock::Timeout=300
$SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null
