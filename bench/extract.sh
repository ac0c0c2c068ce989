#!/usr/bin/env bash
# Benchmark of `claimtrail extract`: megabytes of article text per second and peak memory, on the
# development set (Tests/ClaimTrailTests/Gold/dev/*.txt) repeated to about SIZE_MB (default 10), read
#   1. as written, one paragraph per line with blank lines between, and
#   2. glued into one paragraph, as transcripts and pasted PDF text come.
# Extraction should cost the same per byte in both: its work is linear in the text's length.
#
#   bench/extract.sh [SIZE_MB]
# Each measurement runs RUNS times (default 3) and reports the median time and the largest peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-10}
runs=${RUNS:-3}
command -v /usr/bin/time >/dev/null || { echo "bench needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
# As installed (see the README): a release build, linked statically.
swift build -c release -Xswiftc -static-executable --product claimtrail >&2
claimtrail="$(swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The development set, articles separated by blank lines, repeated until it reaches the size.
for article in Tests/ClaimTrailTests/Gold/dev/*.txt; do cat "$article"; printf '\n\n'; done >"$work/dev.txt"
target=$((size_mb * 1000 * 1000))
: >"$work/paragraphs.txt"
while [ "$(stat -c %s "$work/paragraphs.txt")" -lt "$target" ]; do cat "$work/dev.txt" >>"$work/paragraphs.txt"; done
# The same text as one paragraph: every run of white space, line breaks included, becomes one space.
tr -s ' \n\t' '   ' <"$work/paragraphs.txt" >"$work/glued.txt"

# Runs extract $runs times on a file; prints "seconds peak-KiB proposals" (median time, largest peak).
measure() {
  local times=() peak=0 run start end
  for ((run = 0; run < runs; run++)); do
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time" "$claimtrail" extract "$1" --format json >"$work/out"
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    peak=$(awk -v a="$peak" -v b="$(cat "$work/time")" 'BEGIN { print (b > a ? b : a) }')
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }') $peak" \
    "$(grep -c '"speaker"' "$work/out")"
}

printf '%-28s %10s %10s %8s %12s %10s\n' "text" "MB" "seconds" "MB/s" "peak KiB" "proposals"
for form in paragraphs glued; do
  bytes=$(stat -c %s "$work/$form.txt")
  read -r seconds peak proposals <<<"$(measure "$work/$form.txt")"
  awk -v f="$form" -v b="$bytes" -v s="$seconds" -v k="$peak" -v p="$proposals" 'BEGIN {
    printf "%-28s %10.2f %10.2f %8.2f %12d %10d\n", "dev set, " f, b / 1e6, s, (b / 1e6) / s, k, p }'
done
