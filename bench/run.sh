#!/usr/bin/env bash
# Benchmark: the same work through claimtrail and through the sqlite3 command-line tool, on the
# same generated data, in one run. Prints each side's time, the ratio (claimtrail / sqlite3; below 1
# means claimtrail is faster) and peak memory.
#
#   bench/run.sh [ATTRIBUTIONS] [CLAIMS] [--reads | --edits]   default: 100000 attributions, 10000 claims
#   e.g. bench/run.sh 1000000 100000
# Each measurement runs RUNS times (default 3) and reports the median time: on a shared 2-core
# machine single runs of the same command vary by a tenth or more.
# --reads builds the store with sqlite3's bulk load only (a 10M-attribution import through claimtrail
# takes most of an hour on 2 cores) and times the read commands on it. --edits builds the store the
# same way and times only the edits on the busiest records (claim merge, speaker merge, claim delete).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/sqlite3-load.sh
attributions=${1:-100000}
claims=${2:-$((attributions / 10))}
reads_only=$([ "${3:-}" = "--reads" ] || [ "${3:-}" = "--edits" ] && echo yes || echo no)
edits_only=$([ "${3:-}" = "--edits" ] && echo yes || echo no)
runs=${RUNS:-3}
for tool in sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install sqlite3 time)" >&2; exit 1; }
done
# As installed (see the README): linked statically, which cuts every command's start to about 3 ms.
# CLAIMTRAIL=path times that binary instead (a debug build: only for comparing two changes).
if [ -n "${CLAIMTRAIL:-}" ]; then
  claimtrail=$CLAIMTRAIL
else
  swift build -c release -Xswiftc -static-executable --product claimtrail >&2
  claimtrail="$(swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$claimtrail" generate --claims "$claims" --attributions "$attributions" --out "$work/data" >&2

# Runs a command $runs times, and prints "seconds peak-KiB": the median wall time, to the
# microsecond from bash, and the largest peak memory, from /usr/bin/time. $setup, when set, runs
# untimed before each run (an import starts from an empty store every time).
measure() {
  local times=() peak=0 run start end
  for ((run = 0; run < runs; run++)); do
    if [ -n "${setup:-}" ]; then eval "$setup"; fi
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
    peak=$(awk -v a="$peak" -v b="$(cat "$work/time")" 'BEGIN { print (b > a ? b : a) }')
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }') $peak"
}

printf '%-34s %12s %12s %8s %14s %14s\n' "work ($attributions attributions)" "claimtrail s" "sqlite3 s" "ratio" "claimtrail KiB" "sqlite3 KiB"
report() { # name, claimtrail "s kib", sqlite3 "s kib"
  read -r ct_s ct_k <<<"$2"; read -r sq_s sq_k <<<"$3"
  ratio=$(awk -v a="$ct_s" -v b="$sq_s" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
  printf '%-34s %12s %12s %8s %14s %14s\n' "$1" "$ct_s" "$sq_s" "$ratio" "$ct_k" "$sq_k"
}

# Baseline: starting the process (Swift runtime, Foundation) costs this on every command below.
report "process start (--version / -version)" "$(measure "$claimtrail" --version)" "$(measure sqlite3 -version)"

# Import: claimtrail reads JSON Lines and resolves natural keys; sqlite3 .imports the same rows as
# CSV with ids given, into the same schema (indexes and counter triggers in place).
# CSV has no NULL, so each table goes through a staging table and nullif(), as a sqlite3 user would.
# A second script, the "indexes after" load, is the best plain SQL does: the same rows with the
# indexes of `attribution` and its full-text trigger dropped first, then the indexes created and
# the full-text index built by FTS5's 'rebuild' after the rows (the counter triggers stay).
cat schema/*.sql | sqlite3 "$work/schema.db"
attribution_indexes=$(sqlite3 "$work/schema.db" \
  "SELECT sql || ';' FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'attribution' AND sql IS NOT NULL")
fts_trigger=$(sqlite3 "$work/schema.db" "SELECT sql || ';' FROM sqlite_schema WHERE name = 'attribution_fts_added'")
sqlite3_load_script "$work/data" > "$work/import.sql"
{ cat schema/*.sql; echo ".mode csv"; echo "BEGIN;"
  sqlite3 "$work/schema.db" "SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
                             WHERE type = 'index' AND tbl_name = 'attribution' AND sql IS NOT NULL"
  echo "DROP TRIGGER attribution_fts_added;"
  sed -n '/^BEGIN;$/,/^COMMIT;$/p' "$work/import.sql" | sed '1d;$d'
  echo "$attribution_indexes"
  echo "INSERT INTO attribution_fts (attribution_fts) VALUES ('rebuild');"
  echo "$fts_trigger"
  echo "COMMIT;"
  echo "PRAGMA user_version = $((10#$(basename "$(ls schema/[0-9]*.sql | tail -n 1)" | cut -c1-3)));"
} > "$work/import-indexes-after.sql"
# sqlite3 reports a failed statement in a script on stderr, but exits 0.
sqlite3_load() { # script
  rm -f "$work/sq.db"
  runs=1 measure sqlite3 "$work/sq.db" ".read $1"
  if [ -s "$work/err" ]; then head -3 "$work/err" >&2; exit 1; fi
}
# The median time and the largest peak memory of several "seconds peak-KiB" lines.
median() {
  sort -n | awk '{ t[NR] = $1; if ($2 > k) k = $2 } END { print t[int((NR + 1) / 2)], k }'
}
if [ "$reads_only" = yes ]; then
  echo "(store built by sqlite3 only: $(sqlite3_load "$work/import.sql") s)"
  store="$work/sq.db"
else
  # Interleaved rounds, each load once per round, so that the machine's load falls on all alike.
  sq_runs=() after_runs=() ct_runs=()
  for ((round = 0; round < runs; round++)); do
    after_runs+=("$(sqlite3_load "$work/import-indexes-after.sql")")
    sq_runs+=("$(sqlite3_load "$work/import.sql")")
    ct_runs+=("$(runs=1 setup='rm -f "$work"/ct.db*; "$claimtrail" init --db "$work/ct.db" >/dev/null' \
                 measure "$claimtrail" import "$work/data/data.jsonl" --db "$work/ct.db")")
  done
  ct=$(printf '%s\n' "${ct_runs[@]}" | median)
  report "import" "$ct" "$(printf '%s\n' "${sq_runs[@]}" | median)"
  report "import vs sqlite3 indexes after" "$ct" "$(printf '%s\n' "${after_runs[@]}" | median)"
  # Readers in other processes during an import: `contested` in a loop on the store being
  # imported into, from the import's start to its commit and checkpoint. Each run sees the old
  # snapshot or the new one, whole; what counts is that none fails and none waits long.
  rm -f "$work"/rd.db*; "$claimtrail" init --db "$work/rd.db" >/dev/null
  "$claimtrail" import "$work/data/data.jsonl" --db "$work/rd.db" >/dev/null 2>"$work/import-err" &
  importer=$!
  reads=0 worst=0
  while kill -0 "$importer" 2>/dev/null; do
    start=$EPOCHREALTIME
    "$claimtrail" contested --limit 50 --db "$work/rd.db" >/dev/null || { echo "contested failed during an import" >&2; exit 1; }
    end=$EPOCHREALTIME
    worst=$(awk -v a="$start" -v b="$end" -v w="$worst" 'BEGIN { d = b - a; printf "%.3f", (d > w ? d : w) }')
    reads=$((reads + 1))
  done
  wait "$importer" || { cat "$work/import-err" >&2; exit 1; }
  echo "readers during an import: $reads runs of contested --limit 50, the slowest $worst s"
  store="$work/ct.db"
fi

# Edits on the busiest records (the Zipf shape gives claims 1-3 and speakers 1-2 the most
# attributions), each on a fresh copy of the store, interleaved like the import. claimtrail keeps
# counters, search and timeline indexes and logs one change-log entry; sqlite3 runs only the bare
# UPDATE or DELETE, with the triggers off, as a user fixing the rows by hand would: a floor.
edits() {
  sqlite3 "$store" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
  cp "$store" "$work/pristine.db"
  local fresh='cp "$work/pristine.db" "$work/edit.db"; rm -f "$work"/edit.db-*'
  local edit name command sql round ct_runs sq_runs
  for edit in "claim merge 1 2|UPDATE attribution SET claim_id = 1 WHERE claim_id = 2; DELETE FROM claim WHERE id = 2;" \
              "speaker merge 1 2|UPDATE attribution SET speaker_id = 1 WHERE speaker_id = 2; DELETE FROM speaker WHERE id = 2;" \
              "claim delete 3|DELETE FROM attribution WHERE claim_id = 3; DELETE FROM claim WHERE id = 3;"; do
    command=${edit%%|*}; sql=${edit#*|}
    name="$command ($(sqlite3 "$store" "SELECT count(*) FROM attribution WHERE $(
      case $command in speaker*) echo speaker_id = 2 ;; *delete*) echo claim_id = 3 ;; *) echo claim_id = 2 ;; esac)") rows)"
    ct_runs=(); sq_runs=()
    for ((round = 0; round < runs; round++)); do
      # shellcheck disable=SC2086 # the command's words
      ct_runs+=("$(runs=1 setup=$fresh measure "$claimtrail" $command --db "$work/edit.db")")
      sq_runs+=("$(runs=1 setup=$fresh measure sqlite3 "$work/edit.db" ".dbconfig enable_trigger off" "BEGIN; $sql COMMIT;")")
    done
    report "$name" "$(printf '%s\n' "${ct_runs[@]}" | median)" "$(printf '%s\n' "${sq_runs[@]}" | median)"
  done
}
if [ "$edits_only" = yes ]; then edits; exit 0; fi

# Export: every attribution as CSV, with the same joins and columns.
ct=$(measure "$claimtrail" export --format csv --db "$store")
sq=$(measure sqlite3 -csv -header "$store" "
  SELECT c.id, c.text, c.topic,
         (SELECT counter_claims > 0 OR (asserts > 0 AND denies > 0) FROM claim_stats WHERE claim_id = c.id),
         (SELECT group_concat(from_claim_id, ';') FROM claim_relation WHERE to_claim_id = c.id AND kind = 'contradicts'),
         a.stance, sp.name, sp.kind, sp.role, a.mode, a.cue, a.quote, s.title, s.outlet, s.author, s.url, s.published,
         (SELECT v.name FROM attribution r JOIN speaker v ON v.id = r.speaker_id WHERE r.id = a.via_id),
         a.recorded_at, a.recorded_by
  FROM attribution a JOIN claim c ON c.id = a.claim_id JOIN source s ON s.id = a.source_id
  LEFT JOIN speaker sp ON sp.id = a.speaker_id ORDER BY a.claim_id, a.seen_on IS NULL, a.seen_on, a.id")
report "export csv" "$ct" "$sq"

# The other exports stream too (flat memory); sqlite3 has no such format, so the peer column is
# the CSV join above, the cost of reading the same rows. html covers the contested claims.
for format in prov-json dot html; do
  report "export $format (vs csv join)" "$(measure "$claimtrail" export --format "$format" --db "$store")" "$sq"
done

# Sources ranked by anonymous and unattributed shares: claimtrail reads kept counters; sqlite3
# aggregates every attribution by the same rule (hedges left out: the ranking's lower bound).
ct=$(measure "$claimtrail" audit --all --format csv --db "$store")
sq=$(measure sqlite3 -csv "$store" "
  SELECT s.id, s.title, count(*), sum(sp.kind = 'anonymous'), sum(a.speaker_id IS NULL)
  FROM attribution a JOIN source s ON s.id = a.source_id LEFT JOIN speaker sp ON sp.id = a.speaker_id
  WHERE a.state = 'accepted' GROUP BY s.id")
report "audit --all" "$ct" "$sq"

# Contested, top 50: claimtrail reads trigger-kept counters; plain SQL aggregates.
ct=$(measure "$claimtrail" contested --limit 50 --format csv --db "$store")
sq=$(measure sqlite3 "$store" "
  SELECT c.id, c.text,
         count(DISTINCT CASE WHEN a.stance = 'asserts' THEN a.speaker_id END) AS asserting,
         count(DISTINCT CASE WHEN a.stance <> 'asserts' THEN a.speaker_id END) AS disputing,
         (SELECT count(*) FROM claim_relation WHERE to_claim_id = c.id AND kind = 'contradicts') AS counters,
         count(DISTINCT a.source_id) AS sources
  FROM claim c JOIN attribution a ON a.claim_id = c.id GROUP BY c.id
  HAVING counters > 0 OR (sum(a.stance = 'asserts') > 0 AND sum(a.stance = 'denies') > 0)
  ORDER BY disputing DESC, counters DESC, asserting DESC, sources DESC LIMIT 50")
report "contested top 50" "$ct" "$sq"

# Traces of the busiest claim (claim 1, by the Zipf shape) and the busiest speaker (speaker 1):
# the first page of 200 in timeline order (what `trace` shows by default), then the whole timeline.
trace_sql() { # column, id, limit
  echo "SELECT a.seen_on, sp.name, sp.role, a.stance, a.mode, a.cue, a.quote, s.title, c.text
        FROM attribution a JOIN source s ON s.id = a.source_id JOIN claim c ON c.id = a.claim_id
        LEFT JOIN speaker sp ON sp.id = a.speaker_id
        WHERE a.$1 = $2 ORDER BY a.seen_on IS NULL, a.seen_on, a.id LIMIT $3"
}
for limit in 200 0; do
  label=$([ "$limit" = 0 ] && echo "all" || echo "first $limit")
  ct=$(measure "$claimtrail" trace claim 1 --limit "$limit" --format csv --db "$store")
  sq=$(measure sqlite3 -csv "$store" "$(trace_sql claim_id 1 $([ "$limit" = 0 ] && echo -1 || echo "$limit"))")
  report "trace claim, busiest ($label)" "$ct" "$sq"
  ct=$(measure "$claimtrail" trace speaker 1 --limit "$limit" --format csv --db "$store")
  sq=$(measure sqlite3 -csv "$store" "$(trace_sql speaker_id 1 $([ "$limit" = 0 ] && echo -1 || echo "$limit"))")
  report "trace speaker, busiest ($label)" "$ct" "$sq"
done
# The whole timeline of the busiest claim as JSON and as a table: streamed like CSV.
for format in json table; do
  ct=$(measure "$claimtrail" trace claim 1 --limit 0 --format "$format" --db "$store")
  sq=$(measure sqlite3 -json "$store" "$(trace_sql claim_id 1 -1)")
  report "trace claim, busiest (all, $format)" "$ct" "$sq"
done
ct_rows=$(sqlite3 "$store" 'SELECT count(*) FROM attribution')
sq_rows=$(sqlite3 "$work/sq.db" 'SELECT count(*) FROM attribution')
echo "rows: $ct_rows attributions via claimtrail, $sq_rows via sqlite3; machine: $(nproc) cores, $(uname -m)"
[ "$ct_rows" = "$sq_rows" ] || { echo "the two stores differ" >&2; exit 1; }
edits
