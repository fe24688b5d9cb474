#!/usr/bin/env bash
# Installs the Debian 12 packages edgeplan builds and tests with. Needs root (or sudo).
set -euo pipefail
packages=(cmake ninja-build g++ pkg-config libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev
          catch2 libvalijson-dev libyaml-cpp-dev libssl-dev libmimalloc-dev python3 python3-jsonschema libxml2-utils
          time bc)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
