#!/usr/bin/env bash
# Full-text indexes attached to their tables (schema 012) against the single standalone index
# before them: the same generated import through both binaries, runs interleaved so that the
# shared machine's load falls on both alike, then the search of a common word (first 20 hits).
#
#   bench/search-index.sh [ATTRIBUTIONS] [BASE_REVISION]   default: 100000, 890d753 (schema 010)
#   BASE_BINARY=path skips building BASE_REVISION; RUNS (default 5) sets the runs per measurement.
#   STORE=path.db times only the search, on that store (a copy: an older schema is upgraded),
#   beside the same ranking statement in the sqlite3 CLI.
#   CLAIMTRAIL=path times that binary instead of building one.
# Prints the median wall time of each. A search's time in process is the search command's median
# less the median of `--version` (process start), both measured here; sqlite3's likewise, less
# `sqlite3 -version`. Both also as CPU time (perf stat's task-clock, when perf is there), which a
# loaded machine disturbs less than wall time.
set -euo pipefail
cd "$(dirname "$0")/.."
attributions=${1:-100000}
base_revision=${2:-890d753}
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build() { swift build -c release -Xswiftc -static-executable --product claimtrail "$@" >&2; }
if [ -n "${CLAIMTRAIL:-}" ]; then
  current=$CLAIMTRAIL
else
  build
  current="$(swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
fi

# Seconds a command takes, to the millisecond.
seconds() {
  local start=$EPOCHREALTIME
  "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f\n", b - a }'
}
median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
# Milliseconds of CPU a command takes (perf stat's task-clock); 0 without perf.
cpu_ms() {
  command -v perf >/dev/null || { echo 0; return; }
  perf stat -x, -e task-clock -o "$work/stat" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk -F, '/task-clock/ { printf "%.1f\n", $1 }' "$work/stat"
}

# The ranking statement of `search` (Sources/ClaimTrail/Workflows/Search.swift) for one word, first 20.
ranking() {
  local newest=1000 union="" kind=0 index rank
  for index in claim_fts attribution_fts speaker_fts "source_fts"; do
    rank="bm25($index)"; [ "$index" = source_fts ] && rank="bm25(source_fts, 5.0, 1.0)"
    [ -n "$union" ] && union+=" UNION ALL "
    union+="SELECT * FROM (SELECT $kind AS kind, rowid, $rank AS rank FROM $index WHERE $index MATCH '\"$1\"'"
    union+=" ORDER BY rowid DESC LIMIT $newest)"
    kind=$((kind + 1))
  done
  echo "SELECT * FROM ($union) ORDER BY rank, kind, rowid LIMIT 20;"
}

# Times the search of `report` (first 20) through claimtrail and the same statement through sqlite3,
# interleaved, on store $1.
time_search() {
  local store=$1 side
  "$current" init --db "$store" >/dev/null # upgrades an older store
  "$current" search --db "$store" report --limit 20 >/dev/null # warms the cache
  ranking report >"$work/ranking.sql"
  for side in ct-start ct-search sq-start sq-search; do : >"$work/$side.wall"; : >"$work/$side.cpu"; done
  for ((run = 0; run < runs * 2; run++)); do
    for side in ct-start ct-search sq-start sq-search; do
      case $side in
        ct-start) command=("$current" --version) ;;
        ct-search) command=("$current" search --db "$store" report --limit 20) ;;
        sq-start) command=(sqlite3 -version) ;;
        sq-search) command=(sqlite3 -init "$work/ranking.sql" -batch "$store" .quit) ;;
      esac
      seconds "${command[@]}" >>"$work/$side.wall"
      cpu_ms "${command[@]}" >>"$work/$side.cpu"
    done
  done
  for tool in ct sq; do
    local wall start cpu cpu_start
    wall=$(median <"$work/$tool-search.wall"); start=$(median <"$work/$tool-start.wall")
    cpu=$(median <"$work/$tool-search.cpu"); cpu_start=$(median <"$work/$tool-start.cpu")
    printf 'search "report", first 20, %s: %s s wall (start %s s): in process %s ms wall, %s ms CPU\n' \
      "$([ $tool = ct ] && echo "claimtrail" || echo "sqlite3, same ranking statement")" "$wall" "$start" \
      "$(awk -v a="$wall" -v b="$start" 'BEGIN { printf "%.0f", (a - b) * 1000 }')" \
      "$(awk -v a="$cpu" -v b="$cpu_start" 'BEGIN { printf "%.1f", a - b }')"
  done
}

if [ -n "${STORE:-}" ]; then
  time_search "$STORE"
  exit
fi
base=${BASE_BINARY:-}
if [ -z "$base" ]; then
  mkdir "$work/base"
  git archive "$base_revision" | tar -x -C "$work/base"
  (cd "$work/base" && build)
  base="$(cd "$work/base" && swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
fi
"$current" generate --attributions "$attributions" --claims $((attributions / 10)) --out "$work/data" >&2

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
time_search "$work/current.db"
