#!/usr/bin/env bash
# Builds the Debian package from a configured build directory and inspects it:
# control fields (Depends from dpkg-shlibdeps), the files it installs, and that
# the packaged binary, man page and completions work. Not run by CTest (it runs
# a packaging job); run it after changing cmake/Packaging.cmake.
#
#   tools/check_package.sh [BUILD_DIR]              # build and inspect (default build/)
#   tools/check_package.sh [BUILD_DIR] --install    # also dpkg -i it, try it, dpkg -r it (root)
#
# Needs dpkg-dev and file (scripts/install-deps.sh installs them).
set -euo pipefail
build=${1:-build}
install=${2:-}
fail() { echo "check_package: $*" >&2; exit 1; }

cmake --build "$build"
(cd "$build" && cpack -G DEB)
version=$(grep -m1 -o 'CPACK_PACKAGE_VERSION "[^"]*"' "$build/CPackConfig.cmake" | cut -d'"' -f2)
deb="$build/edgeplan_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || fail "no $deb"

echo "== dpkg-deb -I $deb"
dpkg-deb -I "$deb"
echo "== dpkg-deb -c $deb"
dpkg-deb -c "$deb"

[ "$(dpkg-deb -f "$deb" Package)" = edgeplan ] || fail "Package is not edgeplan"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb -f "$deb" Depends)
# What CMakeLists.txt compiled in: spdlog always (header-only); libcrypto and
# yaml-cpp when configure found their static libraries (CMakeCache.txt says).
cached() { grep -m1 "^$1:" "$build/CMakeCache.txt" | cut -d= -f2-; }
shared=(libc6 libstdc++6 libfmt) compiled_in=(libspdlog)
[[ $(cached OPENSSL_CRYPTO_LIBRARY) == *.a ]] && compiled_in+=(libssl) || shared+=(libssl)
[[ $(cached EDGEPLAN_YAML_CPP_STATIC) == *.a ]] && compiled_in+=(libyaml-cpp) || shared+=(libyaml-cpp)
for lib in "${shared[@]}"; do
  [[ $depends == *"$lib"* ]] || fail "Depends lacks $lib: $depends"
done
for lib in "${compiled_in[@]}"; do
  [[ $depends != *"$lib"* ]] || fail "Depends names $lib, which the binary has compiled in: $depends"
done
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
for path in ./usr/bin/edgeplan ./usr/share/man/man1/edgeplan.1.gz \
            ./usr/share/bash-completion/completions/edgeplan ./usr/share/zsh/vendor-completions/_edgeplan \
            ./usr/share/fish/vendor_completions.d/edgeplan.fish \
            ./usr/share/doc/edgeplan/README.md ./usr/share/doc/edgeplan/copyright; do
  grep -qx -- "$path" <<<"$contents" || fail "the package has no $path"
done

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
"$root/usr/bin/edgeplan" --version
if file "$root/usr/bin/edgeplan" | grep -q 'not stripped'; then fail "the binary is not stripped"; fi
zcat "$root/usr/share/man/man1/edgeplan.1.gz" | head -3 | grep -q '^\.TH EDGEPLAN 1' || fail "the man page has no .TH"
if command -v groff >/dev/null; then
  warnings=$(zcat "$root/usr/share/man/man1/edgeplan.1.gz" | groff -man -Tutf8 -ww -z 2>&1 || true)
  [ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
fi
bash -n "$root/usr/share/bash-completion/completions/edgeplan" || fail "the bash completion does not parse"
if command -v zsh >/dev/null; then zsh -n "$root/usr/share/zsh/vendor-completions/_edgeplan" || fail "the zsh completion does not parse"; fi
if command -v fish >/dev/null; then fish --no-execute "$root/usr/share/fish/vendor_completions.d/edgeplan.fish" || fail "the fish completion does not parse"; fi

if [ "$install" = --install ]; then
  [ "$(id -u)" -eq 0 ] || fail "--install needs root"
  dpkg -s edgeplan >/dev/null 2>&1 && fail "edgeplan is already installed; dpkg -r edgeplan first"
  apt-get install -y -qq "$(realpath "$deb")"
  trap 'dpkg -r edgeplan >/dev/null; rm -rf "$root"' EXIT
  /usr/bin/edgeplan --version
  if command -v man >/dev/null; then man -w edgeplan; fi
  bash -c 'source /usr/share/bash-completion/completions/edgeplan && complete -p edgeplan'
fi
echo "check_package: $deb ok"
