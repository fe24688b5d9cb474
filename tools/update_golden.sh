#!/usr/bin/env bash
# Regenerates every golden file listed in tests/golden/manifest.txt with the
# built binary, then shows what changed, for a person to review before it is
# committed (tests/golden/README.md):
#
#   tools/update_golden.sh [BUILD_DIR]     # default: build (the binary is BUILD_DIR/edgeplan)
#
# Each run is made as tests/cli/test_golden.cpp makes it: from the repository
# root, NO_COLOR=1, the manifest's arguments read by /bin/sh; only stdout is
# stored. A run whose exit code differs from the manifest's is reported (the
# manifest is not edited: change it by hand if the new code is right) and the
# script exits 1. Files under tests/golden/*/ that the manifest does not list
# are deleted. New files are marked with `git add -N` so that `git diff` shows them.
set -euo pipefail
BUILD=${1:-build}
BIN=$(realpath "$BUILD/edgeplan" 2>/dev/null || true)
if [ -z "$BIN" ] || [ ! -x "$BIN" ]; then
  echo "update_golden: no edgeplan binary at $BUILD/edgeplan (build first, or give BUILD_DIR)" >&2
  exit 2
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
GOLDEN=tests/golden
MANIFEST=$GOLDEN/manifest.txt
ERR=$(mktemp)
trap 'rm -f "$ERR"' EXIT

status=0
count=0
listed=()
line_no=0
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  trimmed=${line#"${line%%[![:space:]]*}"}
  case $trimmed in '' | \#*) continue ;; esac
  read -r file code args <<<"$trimmed"
  if [ -z "${args:-}" ] || ! [[ $code =~ ^[0-9]+$ ]]; then
    echo "update_golden: $MANIFEST:$line_no: expected FILE EXIT ARGS..." >&2
    status=1
    continue
  fi
  listed+=("$file")
  mkdir -p "$(dirname "$GOLDEN/$file")"
  rc=0
  NO_COLOR=1 sh -c "exec \"\$0\" $args" "$BIN" >"$GOLDEN/$file" 2>"$ERR" </dev/null || rc=$?
  count=$((count + 1))
  if [ "$rc" != "$code" ]; then
    echo "update_golden: $MANIFEST:$line_no: edgeplan $args exited $rc; the manifest says $code. stderr:" >&2
    sed 's/^/  | /' "$ERR" >&2
    status=1
  fi
  if [ ! -s "$GOLDEN/$file" ]; then
    echo "update_golden: $GOLDEN/$file is empty (edgeplan $args)" >&2
  fi
done <"$MANIFEST"

# Files the manifest no longer lists.
while IFS= read -r -d '' path; do
  rel=${path#"$GOLDEN/"}
  keep=0
  for f in "${listed[@]}"; do [ "$f" = "$rel" ] && keep=1 && break; done
  if [ $keep = 0 ]; then
    echo "update_golden: removing $path (not in the manifest)" >&2
    rm -f "$path"
  fi
done < <(find "$GOLDEN" -mindepth 2 -type f -print0)

# Golden output must not depend on where the repository or the temporary directory is.
if grep -rnI -e "$ROOT" -e "/tmp/" "$GOLDEN" --exclude=README.md --exclude=manifest.txt >&2; then
  echo "update_golden: the lines above hold an absolute path: golden output must not" >&2
  status=1
fi

echo "update_golden: $count runs regenerated with $BIN" >&2
git add -N -- "$GOLDEN" 2>/dev/null || true
git status --short -- "$GOLDEN"
git --no-pager diff --stat -- "$GOLDEN"
git diff -- "$GOLDEN"
echo "update_golden: review every change above; commit it saying why each output changed (tests/golden/README.md)" >&2
exit $status
