-- wrk script for bench/serve.sh: each request reads one claim's page, the claim chosen by a Zipf law
-- (exponent 1, as `claimtrail generate` spreads attributions over claims: claim 1 is the busiest).
--   CLAIMS   how many claims (ids 1...CLAIMS)
--   PAGE     the path, with %d for the claim id: /claims/%d, or a Datasette view filtered by claim
--   TOKEN    a bearer token, when the server wants one
-- At the end it prints one line: requests/s, p50, p99 and max latency in ms, and the non-2xx count.
local claims = tonumber(os.getenv("CLAIMS") or "100000")
local page = os.getenv("PAGE") or "/claims/%d"
local token = os.getenv("TOKEN")
local cumulative = {}

function init(args)
  local total = 0
  for rank = 1, claims do
    total = total + 1 / rank
    cumulative[rank] = total
  end
  for rank = 1, claims do cumulative[rank] = cumulative[rank] / total end
  if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
end

-- The smallest rank whose cumulative share reaches a uniform draw (binary search).
local function draw()
  local u, low, high = math.random(), 1, claims
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < u then low = middle + 1 else high = middle end
  end
  return low
end

function request()
  return wrk.format("GET", string.format(page, draw()))
end

function done(summary, latency, requests)
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("reads/s %.0f  p50 %.1f ms  p99 %.1f ms  max %.1f ms  requests %d  failed %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, failed))
end
