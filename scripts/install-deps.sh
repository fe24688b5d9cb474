#!/usr/bin/env bash
# Installs the Debian 12 packages edgeplan builds, tests and packages with (dpkg-dev and
# file: cpack -G DEB reads the binary's shared libraries with dpkg-shlibdeps). Needs
# root (or sudo). The Dockerfile and the GitHub Action (action.yml) run it too.
# chromium: the browser test (tests/browser/check_pages.py) opens every example's HTML
# report and SVG map in headless Chromium; without it that test is skipped, so CI, which
# runs this script, installs it (about 400 MiB: no Recommends, as for every package here).
# --fuzz adds clang and its runtimes (libFuzzer, sanitizers) for tools/fuzz.sh
# and the sanitizer stages of .ci/run; a user building edgeplan needs neither.
# --no-browser leaves chromium out: for builds that run no tests (the Dockerfile,
# the GitHub Action), where it is 400 MiB for nothing (and a snap on Ubuntu).
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
          catch2 libvalijson-dev libre2-dev libyaml-cpp-dev libssl-dev libmimalloc-dev python3 python3-jsonschema python3-yaml
          libxml2-utils time bc dpkg-dev file)
case "${1:-}" in
  --fuzz) packages=(clang libclang-rt-14-dev) ;;
  --no-browser) ;;
  *) packages+=(chromium) ;;
esac
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
