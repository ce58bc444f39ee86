-- wrk script: dashboard reads over many organisations, as dashboards poll them.
--   BENCH_TOKEN   the admin token (required)
--   BENCH_PREFIX  organisations PREFIX-0001 … PREFIX-NNNN (default bench-drain)
--   BENCH_ORGS    how many (default 1000)
--   BENCH_PATHS   comma-separated endpoints, taken in turn (default summary,serviceproof)
--   BENCH_ETAG    set: poll one organisation's /serviceproof with If-None-Match (every answer a 304)
--   BENCH_UNCACHED  set: every request asks a question not asked before (to= a random future date, which
--                 selects every bucket), so the answer is computed from the buckets, never from the cache
local token = os.getenv("BENCH_TOKEN")
local prefix = os.getenv("BENCH_PREFIX") or "bench-drain"
local count = tonumber(os.getenv("BENCH_ORGS") or "1000")
local etag = os.getenv("BENCH_ETAG")
local uncached = (os.getenv("BENCH_UNCACHED") or "") ~= ""
local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "summary,serviceproof", "[^,]+") do
    paths[#paths + 1] = path
end
assert(token, "set BENCH_TOKEN")

function setup(thread)
    thread:set("seed", math.random(1, 2 ^ 30))
end

function init(args)
    math.randomseed(seed or os.time())
    wrk.headers["Authorization"] = "Bearer " .. token
    if etag and etag ~= "" then
        wrk.headers["If-None-Match"] = etag
    end
end

local turn = 0
function request()
    turn = turn + 1
    if etag and etag ~= "" then
        return wrk.format("GET", string.format("/api/v1/organisations/%s-0001/serviceproof", prefix))
    end
    local org = string.format("%s-%04d", prefix, math.random(1, count))
    local path = "/api/v1/organisations/" .. org .. "/" .. paths[turn % #paths + 1]
    if uncached then
        path = path .. string.format("?to=%04d-%02d-%02d", math.random(2030, 2999), math.random(1, 12), math.random(1, 28))
    end
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    io.write(string.format("BENCH p50_ms=%.2f p99_ms=%.2f requests=%d errors_status=%d errors_other=%d\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
