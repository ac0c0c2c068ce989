#!/usr/bin/env bash
# Full-text indexes attached to their tables (schema 012) against the single standalone index
# before them: the same generated import through both binaries, runs interleaved so that the
# shared machine's load falls on both alike, then the search of a common word (first 20 hits).
#
#   bench/search-index.sh [ATTRIBUTIONS] [BASE_REVISION]   default: 100000, 890d753 (schema 010)
#   BASE_BINARY=path skips building BASE_REVISION; RUNS (default 5) sets the runs per measurement.
# Prints the median wall time of each. A search's time in process is the search command's median
# less the median of `--version` (process start), both measured here.
set -euo pipefail
cd "$(dirname "$0")/.."
attributions=${1:-100000}
base_revision=${2:-890d753}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { swift build -c release -Xswiftc -static-executable --product claimtrail "$@" >&2; }
build
current="$(swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
base=${BASE_BINARY:-}
if [ -z "$base" ]; then
  mkdir "$work/base"
  git archive "$base_revision" | tar -x -C "$work/base"
  (cd "$work/base" && build)
  base="$(cd "$work/base" && swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
fi
"$current" generate --attributions "$attributions" --claims $((attributions / 10)) --out "$work/data" >&2

# Seconds a command takes, to the millisecond.
seconds() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }

: >"$work/import-base"; : >"$work/import-current"
for ((run = 0; run < runs; run++)); do
  for side in base current; do
    binary=${!side}
    rm -f "$work/$side.db"*
    "$binary" init --db "$work/$side.db" >/dev/null
    seconds "$binary" import --db "$work/$side.db" "$work/data/data.jsonl" >>"$work/import-$side"
  done
done
base_import=$(median <"$work/import-base")
current_import=$(median <"$work/import-current")
printf 'import of %s attributions: before %s s, attached indexes %s s (%s)\n' "$attributions" \
  "$base_import" "$current_import" \
  "$(awk -v a="$base_import" -v b="$current_import" 'BEGIN { printf "%+.1f %%", (b / a - 1) * 100 }')"

for side in base current; do
  binary=${!side}
  start=$(for ((run = 0; run < runs * 2; run++)); do seconds "$binary" --version; done | median)
  search=$(for ((run = 0; run < runs * 2; run++)); do
    seconds "$binary" search --db "$work/$side.db" report --limit 20
  done | median)
  printf 'search "report", first 20 (%s): %s s; process start %s s; in process %s ms\n' "$side" "$search" \
    "$start" "$(awk -v a="$search" -v b="$start" 'BEGIN { printf "%.0f", (a - b) * 1000 }')"
done
