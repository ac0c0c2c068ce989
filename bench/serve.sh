#!/usr/bin/env bash
# Load benchmark of `claimtrail serve`, with Datasette on the same store as the peer, in one run.
#
#   bench/serve.sh [ATTRIBUTIONS] [SECONDS]   default: 1000000 attributions (claims: a tenth), 30 s
#   CONNECTIONS (default 64) reading, WRITERS (default 4) writing; SCRATCH=path builds there;
#   CLAIMTRAIL=binary skips the build; STORE=file serves a copy of a store built before (by an
#   earlier run's generate and import, which take minutes at 1M) instead of generating one.
# A release build serves a generated store. wrk (bench/zipf-claims.lua) reads claim pages, claims
# chosen by a Zipf law, over CONNECTIONS connections, while WRITERS clients record attributions
# through the JSON API with an editor's token, each write carrying a unique quote. Then the same
# reads go to Datasette's provenance_report view filtered by the claim (50 rows, as the claim page
# shows), with the writers still writing. Datasette's table page also counts every row the filter
# matches and tries facets over them: 3-6 s for the busiest claims (the view computes its relay
# chain and quote check per row), so under 64 connections no read finished within wrk's timeout
# and the peer measured nothing. The claim page takes its counts from kept counters, so the peer
# reads the same 50 rows without the count and facets (_nocount, _nofacet, _nosuggest), and the
# default page's time for the busiest claim, alone, is printed after them. Afterwards every
# accepted write (201) must be in the store exactly once, no other write may be, and `claimtrail
# check` must pass.
set -euo pipefail
cd "$(dirname "$0")/.."
attributions=${1:-1000000}
claims=$((attributions / 10))
duration=${2:-30}
connections=${CONNECTIONS:-64}
writers=${WRITERS:-4}
for tool in wrk curl sqlite3 datasette; do
  command -v "$tool" >/dev/null || { echo "bench needs $tool (apt-get install wrk curl sqlite3; pip install datasette)" >&2; exit 1; }
done
build=(swift build -c release -Xswiftc -static-executable --product claimtrail ${SCRATCH:+--scratch-path "$SCRATCH"})
if [ -z "${CLAIMTRAIL:-}" ]; then "${build[@]}" >&2; fi
claimtrail=${CLAIMTRAIL:-"$("${build[@]}" --show-bin-path)/claimtrail"}
work=$(mktemp -d)
pids=()
cleanup() {
  touch "$work/stop"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
store="$work/desk.db"

start=$EPOCHREALTIME
if [ -n "${STORE:-}" ]; then
  cp "$STORE" "$store"
  attributions=$(sqlite3 "$store" "SELECT COUNT(*) FROM attribution")
  claims=$(sqlite3 "$store" "SELECT COUNT(*) FROM claim")
else
  "$claimtrail" generate --claims "$claims" --attributions "$attributions" --out "$work/data" >&2
  "$claimtrail" init --db "$store" >/dev/null
  "$claimtrail" import "$work/data/data.jsonl" --db "$store" >/dev/null
fi
echo "store: $attributions attributions, $claims claims, $(du -m "$store" | cut -f1) MB, built in" \
  "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s"
echo "bench-password" >"$work/password"
# A STORE from an earlier run has the account already; the token below fails if it has none.
"$claimtrail" user add bench-editor --role editor --password-file "$work/password" --db "$store" >/dev/null 2>&1 || true
token=$("$claimtrail" user token bench-editor --db "$store" 2>/dev/null | tail -n 1)

port=$(free_port)
"$claimtrail" serve --db "$store" --port "$port" 2>"$work/serve.log" &
pids+=($!)
until grep -q "listening on" "$work/serve.log"; do sleep 0.1; done

# One writer: attributions to Zipf-less random claims, each with its own quote; every answer logged
# as "quote status seconds".
writer() {
  local n=0 claim quote
  while [ ! -e "$work/stop" ]; do
    n=$((n + 1))
    quote="bench-$1-$n"
    claim=$(((RANDOM * 32768 + RANDOM) % claims + 1))
    curl -s -o /dev/null -w "$quote %{http_code} %{time_total}\n" -H "Authorization: Bearer $token" \
      -H "Content-Type: application/json" -X POST "http://127.0.0.1:$port/api/claims/$claim/attributions" \
      --data "{\"speaker\": \"Bench wire desk\", \"new_speaker\": true, \"source\": \"1\", \"quote\": \"$quote\"}" \
      >>"$work/writes-$1" || echo "$quote failed 0" >>"$work/writes-$1"
  done
}
for ((w = 1; w <= writers; w++)); do writer "$w" & pids+=($!); done

reads() { # label, port, page
  printf '%-34s ' "$1"
  CLAIMS=$claims PAGE=$3 TOKEN=${4:-} wrk -t 2 -c "$connections" -d "${duration}s" --timeout 10s \
    -s bench/zipf-claims.lua "http://127.0.0.1:$2" | tail -n 1
}
echo "reads: $connections connections for $duration s each, $writers writers recording meanwhile;" \
  "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before"
reads "claimtrail serve, claim page" "$port" "/claims/%d" "$token"
reads "claimtrail serve, claim JSON" "$port" "/api/claims/%d" "$token"

dport=$(free_port)
datasette serve "$store" --port "$dport" --setting default_page_size 50 --setting sql_time_limit_ms 10000 \
  >"$work/datasette.log" 2>&1 &
pids+=($!)
until curl -s -o /dev/null "http://127.0.0.1:$dport/"; do sleep 0.2; done
lean="_nocount=1&_nofacet=1&_nosuggest=1"
# Datasette goes on answering the requests queued in its SQL threads after wrk has stopped: one
# request for the busiest claim waits for them, so that each run starts on an idle peer.
settle() { curl -s -o /dev/null --max-time 300 "http://127.0.0.1:$dport/desk/provenance_report.json?claim_id=1&$lean"; }
settle
reads "datasette, provenance_report" "$dport" "/desk/provenance_report?claim_id=%d&$lean"
settle
reads "datasette, provenance_report JSON" "$dport" "/desk/provenance_report.json?claim_id=%d&$lean"
settle
curl -s -o /dev/null -w "datasette, its default page (row count, facets) for claim 1, alone: %{time_total} s\n" \
  --max-time 300 "http://127.0.0.1:$dport/desk/provenance_report?claim_id=1"

touch "$work/stop"
for ((w = 1; w <= writers; w++)); do wait "${pids[w]}"; done
kill -TERM "${pids[0]}"
wait "${pids[0]}"
cat "$work"/writes-* >"$work/writes"
accepted=$(awk '$2 == 201' "$work/writes" | wc -l)
refused=$(awk '$2 != 201' "$work/writes" | wc -l)
awk '$2 == 201 { print $3 * 1000 }' "$work/writes" | sort -n | awk -v ok="$accepted" -v bad="$refused" -v w="$writers" '
  { t[NR] = $1 }
  END {
    printf "writes: %d accepted, %d refused or failed (%d writers); p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
      ok, bad, w, t[int(NR * 0.5) + 1], t[int(NR * 0.99) + 1], t[NR]
  }'
awk '$2 == 201 { print $1 }' "$work/writes" | sort >"$work/accepted"
sqlite3 "$store" "SELECT quote FROM attribution WHERE quote LIKE 'bench-%'" | sort >"$work/stored"
if cmp -s "$work/accepted" "$work/stored"; then
  echo "every accepted write is in the store exactly once ($(wc -l <"$work/stored") rows), and no other"
else
  echo "accepted writes and stored rows differ:" >&2
  diff "$work/accepted" "$work/stored" | head >&2
  exit 1
fi
"$claimtrail" check --db "$store" >/dev/null && echo "claimtrail check: clean"
