#!/usr/bin/env bash
# Benchmark of issue 20's provenance reads: `origins` for the busiest claim and `impact source` for
# the busiest source, each beside the same work as plain SQL in the sqlite3 command-line tool, on
# one store, in one run. Prints each side's median time and the ratio (claimtrail / sqlite3).
#
#   bench/provenance.sh [ATTRIBUTIONS] [CLAIMS]   default: 1000000 attributions, 100000 claims
#   STORE=path bench/provenance.sh                times an existing store (schema 20) instead
# The store is built as `bench/run.sh --reads` builds it: generated, then loaded by sqlite3.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/sqlite3-load.sh
attributions=${1:-1000000}
claims=${2:-$((attributions / 10))}
runs=${RUNS:-5}
if [ -n "${CLAIMTRAIL:-}" ]; then
  claimtrail=$CLAIMTRAIL
else
  swift build -c release -Xswiftc -static-executable --product claimtrail >&2
  claimtrail="$(swift build -c release -Xswiftc -static-executable --show-bin-path)/claimtrail"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
store=${STORE:-}
if [ -z "$store" ]; then
  "$claimtrail" generate --claims "$claims" --attributions "$attributions" --out "$work/data" >&2
  sqlite3_load_script "$work/data" > "$work/import.sql"
  sqlite3 "$work/store.db" ".read $work/import.sql"
  store="$work/store.db"
fi

# The median wall time of $runs runs, to the millisecond.
measure() {
  local times=() run start end
  for ((run = 0; run < runs; run++)); do
    start=$EPOCHREALTIME
    "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}
report() { # name, claimtrail s, sqlite3 s
  printf '%-40s %12s %12s %8s\n' "$1" "$2" "$3" "$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')"
}
claim=$(sqlite3 "$store" "SELECT claim_id FROM claim_stats ORDER BY attributions DESC LIMIT 1")
source=$(sqlite3 "$store" "SELECT source_id FROM attribution GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
printf '%-40s %12s %12s %8s\n' "work ($(sqlite3 "$store" 'SELECT count(*) FROM attribution') attributions)" \
  "claimtrail s" "sqlite3 s" "ratio"
report "process start (--version / -version)" "$(measure "$claimtrail" --version)" "$(measure sqlite3 -version)"

# origins: the counts (sources, first-hand assertions, first-hand denials), the first 50 origins (first-hand
# assertions) with every relay below them, their twins (same speaker, day and quote elsewhere), and circular
# citation among the claim's relays.
origins_sql="
SELECT (SELECT sources FROM claim_stats WHERE claim_id = $claim),
       (SELECT count(*) FROM attribution WHERE claim_id = $claim AND via_id IS NULL AND state = 'accepted'
          AND stance = 'asserts'),
       (SELECT count(*) FROM attribution WHERE claim_id = $claim AND via_id IS NULL AND state = 'accepted'
          AND stance = 'denies');
WITH RECURSIVE root(id) AS (
  SELECT id FROM attribution INDEXED BY attribution_claim_timeline
  WHERE claim_id = $claim AND via_id IS NULL AND state = 'accepted' AND stance = 'asserts'
  ORDER BY seen_on IS NULL, seen_on, id LIMIT 50
), tree(id, parent, depth) AS (
  SELECT id, NULL, 0 FROM root
  UNION ALL SELECT a.id, a.via_id, t.depth + 1 FROM tree t JOIN attribution a ON a.via_id = t.id
  WHERE a.state = 'accepted' AND t.depth < 64
)
SELECT t.id, t.parent, sp.name, s.id, coalesce(s.outlet, s.title), coalesce(a.said_on, s.published), a.quote
FROM tree t JOIN attribution a ON a.id = t.id JOIN source s ON s.id = a.source_id
LEFT JOIN speaker sp ON sp.id = a.speaker_id ORDER BY t.depth, a.seen_on IS NULL, a.seen_on, a.id;
WITH root(id) AS (
  SELECT id FROM attribution INDEXED BY attribution_claim_timeline
  WHERE claim_id = $claim AND via_id IS NULL AND state = 'accepted' AND stance = 'asserts'
  ORDER BY seen_on IS NULL, seen_on, id LIMIT 50
)
SELECT r.id, t.id FROM root JOIN attribution r ON r.id = root.id
JOIN attribution t ON t.claim_id = $claim AND t.via_id IS NULL AND t.state = 'accepted' AND t.stance = 'asserts'
 AND t.speaker_id = r.speaker_id AND t.seen_on >= substr(r.seen_on, 1, 10)
 AND t.seen_on < substr(r.seen_on, 1, 10) || 'U' AND t.quote = r.quote AND t.source_id <> r.source_id;
WITH RECURSIVE up(start, at, first, last, path, ids, depth, closed) AS (
  SELECT id, via_id, source_id, source_id, ',' || source_id || ',', ',' || id || ',', 0, 0 FROM attribution
  WHERE via_id IS NOT NULL AND state = 'accepted' AND claim_id = $claim
  UNION ALL
  SELECT u.start, v.via_id, u.first, v.source_id, iif(v.source_id = u.last, u.path, u.path || v.source_id || ','),
         u.ids || v.id || ',', u.depth + 1, v.source_id <> u.last AND instr(u.path, ',' || v.source_id || ',') > 0
  FROM up u JOIN attribution v ON v.id = u.at
  WHERE NOT u.closed AND u.depth < 64 AND instr(u.ids, ',' || v.id || ',') = 0
)
SELECT start, path FROM up WHERE closed AND last = first;"
report "origins, busiest claim (#$claim)" "$(measure "$claimtrail" origins "$claim" --db "$store")" \
  "$(measure sqlite3 "$store" "$origins_sql")"
report "origins, busiest claim, json" "$(measure "$claimtrail" origins "$claim" --format json --db "$store")" \
  "$(measure sqlite3 -json "$store" "$origins_sql")"

# impact source: its attributions and every relay downstream, then each claim they carry weighed
# with and without them (contested, first-hand sources left, voices left: counted up to two, all that
# "a single voice left" needs), and the verdicts.
impact_sql="
WITH RECURSIVE hit(id, direct) AS (
  SELECT id, 1 FROM attribution WHERE source_id = $source AND state = 'accepted'
  UNION SELECT a.id, 0 FROM hit JOIN attribution a ON a.via_id = hit.id WHERE a.state = 'accepted'
),
lost(claim_id, side, voice, stance) AS (
  SELECT a.claim_id, iif(a.stance = 'asserts', 'asserts', 'disputes'), coalesce(a.speaker_id, -a.source_id), a.stance
  FROM (SELECT DISTINCT id FROM hit) h JOIN attribution a ON a.id = h.id
  UNION ALL
  SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id), NULL
  FROM (SELECT DISTINCT id FROM hit) h JOIN attribution a ON a.id = h.id
  JOIN claim_relation r ON r.from_claim_id = a.claim_id AND r.kind = 'contradicts'
  WHERE a.stance = 'asserts'
),
touched(claim_id) AS (SELECT DISTINCT claim_id FROM lost)
SELECT t.claim_id, (s.counter_claims > 0 OR (s.asserts > 0 AND s.denies > 0)),
       s.counter_claims > 0
       OR (s.asserts - (SELECT count(*) FROM lost WHERE claim_id = t.claim_id AND stance = 'asserts') > 0
           AND s.denies - (SELECT count(*) FROM lost WHERE claim_id = t.claim_id AND stance = 'denies') > 0),
       EXISTS (SELECT 1 FROM attribution WHERE claim_id = t.claim_id AND via_id IS NULL AND state = 'accepted'
               AND id NOT IN (SELECT id FROM hit)),
       (SELECT count(*) FROM (SELECT DISTINCT voice FROM claim_voice WHERE claim_id = t.claim_id LIMIT 2)),
       (SELECT count(*) FROM (SELECT DISTINCT voice FROM claim_voice v WHERE v.claim_id = t.claim_id
          AND v.n > (SELECT count(*) FROM lost l WHERE l.claim_id = v.claim_id AND l.side = v.side AND l.voice = v.voice)
          LIMIT 2)),
       (SELECT group_concat(rating, '; ') FROM verdict WHERE claim_id = t.claim_id)
FROM touched t JOIN claim_stats s ON s.claim_id = t.claim_id;"
report "impact source, busiest (#$source)" "$(measure "$claimtrail" impact source "$source" --db "$store")" \
  "$(measure sqlite3 "$store" "$impact_sql")"
echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"

# contested --as-of: the store as recorded before a round of later work (attributions recorded,
# statuses moved, a quote corrected, a claim merged into the busiest one), beside
# the plain formulation a user would write in SQL: contested counted from the attributions with
# `recorded_at <= T` (which, unlike --as-of, undoes no edit, deletion or merge).
asof="$work/asof.db"
cp "$store" "$asof"
sleep 1.1
moment=$(date -u +%Y-%m-%dT%H:%M:%SZ)
sleep 1.1
later=$(sqlite3 "$asof" "SELECT id FROM claim WHERE id <> $claim ORDER BY id DESC LIMIT 12" | tr '\n' ' ')
first=$(sqlite3 "$asof" "SELECT min(id) FROM source")
for c in $later; do
  "$claimtrail" attribute "$c" --unattributed --source "$first" --stance denies --quote "Not so" --db "$asof" >/dev/null
  "$claimtrail" claim status "$c" in_progress --db "$asof" >/dev/null 2>&1 || true
done
set -- $later
"$claimtrail" claim merge "$claim" "$1" --db "$asof" >/dev/null
"$claimtrail" attribution edit "$(sqlite3 "$asof" "SELECT min(id) FROM attribution")" --quote "Corrected" --db "$asof" >/dev/null
asof_sql="
WITH a AS (SELECT * FROM attribution WHERE recorded_at <= '$moment' AND state = 'accepted'),
voice(claim_id, side, voice) AS (
  SELECT claim_id, iif(stance = 'asserts', 'asserts', 'disputes'), coalesce(speaker_id, -source_id) FROM a
  UNION SELECT r.to_claim_id, 'disputes', coalesce(a.speaker_id, -a.source_id)
  FROM claim_relation r JOIN a ON a.claim_id = r.from_claim_id AND a.stance = 'asserts' WHERE r.kind = 'contradicts'),
counted AS (SELECT claim_id, sum(stance = 'asserts') AS asserts, sum(stance = 'denies') AS denies,
                   count(DISTINCT source_id) AS sources, min(seen_on) AS first_seen, max(seen_on) AS last_seen
            FROM a GROUP BY claim_id),
voices AS (SELECT claim_id, sum(side = 'asserts') AS asserting, sum(side = 'disputes') AS disputing
           FROM voice GROUP BY claim_id),
countered AS (SELECT to_claim_id AS claim_id, count(*) AS n FROM claim_relation WHERE kind = 'contradicts'
              GROUP BY to_claim_id)
SELECT c.id, c.text, v.asserting, v.disputing, coalesce(k.n, 0), s.sources, s.first_seen, s.last_seen
FROM counted s JOIN claim c ON c.id = s.claim_id JOIN voices v ON v.claim_id = s.claim_id
LEFT JOIN countered k ON k.claim_id = s.claim_id
WHERE coalesce(k.n, 0) > 0 OR (s.asserts > 0 AND s.denies > 0)
ORDER BY v.disputing DESC, coalesce(k.n, 0) DESC, v.asserting DESC, s.sources DESC, c.id LIMIT 50;"
report "contested now" "$(measure "$claimtrail" contested --db "$asof")" \
  "$(measure sqlite3 "$asof" "SELECT * FROM contested_claims LIMIT 50")"
report "contested --as-of $moment" "$(measure "$claimtrail" contested --as-of "$moment" --db "$asof")" \
  "$(measure sqlite3 "$asof" "$asof_sql")"
echo "machine: $(nproc) cores, $(uname -m), load $(cut -d' ' -f1-3 /proc/loadavg)"
