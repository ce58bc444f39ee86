-- wrk script: POSTs realistic ServiceProof and Service Recovery Proof responses, each with a fresh responseId.
--   BENCH_ORG    the organisation (required)
--   BENCH_TOKEN  the admin token or the organisation's ingest key (required)
--   BENCH_BATCH  items per request: 0 posts single responses to …/responses (default), N > 0 posts
--                N-item arrays to …/responses/batch
local org = os.getenv("BENCH_ORG")
local token = os.getenv("BENCH_TOKEN")
local batch = tonumber(os.getenv("BENCH_BATCH") or "0")
-- BENCH_DELAY_MS  a pause before each request of a connection: a steady rate of about connections × 1000 / pause
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
assert(org and token, "set BENCH_ORG and BENCH_TOKEN")

local aspects = {"SENSING", "EMPATHY", "RESONANCE", "VALUE", "INDIVIDUALIZE", "COMMITMENT", "ENGAGEMENT"}
local drivers = {"RECEPTIVENESS", "RESPONSIVENESS", "RESONANCE", "RESOLUTION", "RELIANCE", "LEARNING"}
local channels = {"PHONE", "EMAIL", "CHAT", "WEB", "STORE", "SOCIAL"}
local touchpoints = {"billing", "delivery", "onboarding", "support", "returns"}
local relationships = {"STRENGTHENED", "FLATTENED", "WEAKENED", "BROKEN"}
local day = 86400

function setup(thread)
    thread:set("seed", math.random(1, 2 ^ 30))
end

function init(args)
    math.randomseed(seed or os.time())
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
    wrk.headers["Authorization"] = "Bearer " .. token
    if batch > 0 then
        wrk.path = "/api/v1/organisations/" .. org .. "/responses/batch"
    else
        wrk.path = "/api/v1/organisations/" .. org .. "/responses"
    end
end

local function hex(digits)
    local parts = {}
    for i = 1, digits do
        parts[i] = string.format("%x", math.random(0, 15))
    end
    return table.concat(parts)
end

local function uuid()
    return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-" .. string.format("%x", math.random(8, 11)) .. hex(3)
        .. "-" .. hex(12)
end

-- a 1..5 agreement answer around a respondent's general mood
local function agreement(mood)
    local value = mood + math.random(-1, 1)
    if value < 1 then return 1 elseif value > 5 then return 5 end
    return value
end

local function response()
    local mood = math.random(1, 5)
    local answered = os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() - math.random(0, 30 * day))
    local fields = {
        '"responseId":"' .. uuid() .. '"',
        '"answeredAt":"' .. answered .. '"',
        '"channel":"' .. channels[math.random(#channels)] .. '"',
        '"touchpoint":"' .. touchpoints[math.random(#touchpoints)] .. '"',
        '"respondentRef":"c-' .. math.random(1, 99999) .. '"',
        '"recommend":' .. math.min(10, math.max(0, mood * 2 + math.random(-2, 1))),
        '"effort":' .. math.random(1, 7),
        '"satisfaction":' .. agreement(mood),
    }
    local answers = {}
    if math.random() < 0.7 then
        fields[#fields + 1] = '"instrument":"SERVICEPROOF"'
        for i, aspect in ipairs(aspects) do
            answers[i] = '"' .. aspect .. '":' .. agreement(mood)
        end
    else
        fields[#fields + 1] = '"instrument":"SERVICE_RECOVERY"'
        for i, driver in ipairs(drivers) do
            answers[i] = '"' .. driver .. '":' .. agreement(mood)
        end
        fields[#fields + 1] = '"brandEffect":' .. agreement(mood)
        fields[#fields + 1] = '"relationship":"' .. relationships[math.max(1, math.min(4, 6 - mood + math.random(-1, 0)))] .. '"'
        if mood <= 2 then
            fields[#fields + 1] = '"comment":"The problem took far too long to sort out."'
        end
    end
    fields[#fields + 1] = '"answers":{' .. table.concat(answers, ",") .. '}'
    return "{" .. table.concat(fields, ",") .. "}"
end

if pause > 0 then
    function delay()
        return pause
    end
end

function request()
    local body
    if batch > 0 then
        local items = {}
        for i = 1, batch do
            items[i] = response()
        end
        body = "[" .. table.concat(items, ",") .. "]"
    else
        body = response()
    end
    return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
    io.write(string.format("BENCH p50_ms=%.2f p99_ms=%.2f requests=%d errors_status=%d errors_other=%d\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests, summary.errors.status,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
