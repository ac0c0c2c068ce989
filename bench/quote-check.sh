#!/usr/bin/env bash
# Benchmark of issue 20's quote checks: the CSV export with its `quote_check` column beside the
# sqlite3 CLI reading the `provenance_report` view (the same rows and column from the same kept
# locations), and `quotes verify --relocate` (every quote searched for again) at two sizes, to show
# it is linear in the total size of the bodies. Same store for both sides, interleaved rounds.
#
#   bench/quote-check.sh [ATTRIBUTIONS]   default 100000 (and a tenth of it for the linearity check)
# Sources get a body made of their direct quotes, every fifth with a word changed (so `altered`).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/sqlite3-load.sh
attributions=${1:-100000}
runs=${RUNS:-3}
if [ -n "${CLAIMTRAIL:-}" ]; then
  claimtrail=$CLAIMTRAIL
else
  swift build -c release --product claimtrail >&2
  claimtrail="$(swift build -c release --show-bin-path)/claimtrail"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A store of `$1` attributions at `$2`, loaded by sqlite3 as bench/provenance.sh loads it, with bodies.
build() {
  local size=$1 store=$2 data="$work/data-$1"
  "$claimtrail" generate --claims $((size / 10)) --attributions "$size" --out "$data" >&2
  sqlite3_load_script "$data" > "$work/import.sql"
  sqlite3 "$store" ".read $work/import.sql"
  sqlite3 "$store" "
    CREATE TEMP TABLE b AS SELECT a.source_id AS id, 'Opening paragraph of the story. ' || group_concat(
      'He said “' || iif(a.id % 5 = 0, replace(a.quote, 'airspace', 'airfield'), a.quote)
      || '” and went on. Filler text about the day.', ' ') AS body
    FROM attribution a WHERE a.mode = 'direct' GROUP BY a.source_id;
    UPDATE source SET body = (SELECT body FROM b WHERE b.id = source.id),
                      body_sha256 = (SELECT lower(hex(sha3(body))) FROM b WHERE b.id = source.id)
    WHERE id IN (SELECT id FROM b);"
  # Where each quote sits is kept as `import` and `attribute` keep it.
  "$claimtrail" quotes verify --db "$store" --format csv >/dev/null 2>&1
}

median() { sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'; }
seconds() { local start=$EPOCHREALTIME; "$@" >/dev/null 2>&1; awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }'; }

small=$((attributions / 10))
build "$attributions" "$work/large.db"
build "$small" "$work/small.db"
describe() { sqlite3 "$1" "SELECT (SELECT count(*) FROM attribution WHERE mode = 'direct'), (SELECT sum(length(body)) FROM source)"; }
csv=() sql=() verify_small=() verify_large=()
for ((run = 0; run < runs; run++)); do
  csv+=("$(seconds "$claimtrail" export --format csv --db "$work/large.db")")
  sql+=("$(seconds sqlite3 -csv -header "$work/large.db" "SELECT * FROM provenance_report")")
  verify_small+=("$(seconds "$claimtrail" quotes verify --relocate --db "$work/small.db")")
  verify_large+=("$(seconds "$claimtrail" quotes verify --relocate --db "$work/large.db")")
done
printf '%-52s %10s %10s\n' "work" "claimtrail" "sqlite3"
printf '%-52s %10s %10s\n' "CSV export with quote_check, $attributions attributions" \
  "$(printf '%s\n' "${csv[@]}" | median)" "$(printf '%s\n' "${sql[@]}" | median)"
IFS='|' read -r quotes bytes < <(describe "$work/small.db")
printf '%-52s %10s\n' "quotes verify --relocate, $quotes quotes, $bytes body bytes" \
  "$(printf '%s\n' "${verify_small[@]}" | median)"
IFS='|' read -r quotes bytes < <(describe "$work/large.db")
printf '%-52s %10s\n' "quotes verify --relocate, $quotes quotes, $bytes body bytes" \
  "$(printf '%s\n' "${verify_large[@]}" | median)"
echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
