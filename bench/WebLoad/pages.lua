-- wrk script: requests one page of a random engagement per request and reports, from every
-- thread together, requests per second, the latency percentiles and any answer other than 200
-- (a redirect to the sign-in page would otherwise pass for a fast success).
-- Arguments: a path with %d for the engagement id, then the first and last engagement id.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  path, first, last = args[1], tonumber(args[2]), tonumber(args[3])
  not_ok = 0
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format("GET", string.format(path, math.random(first, last)))
end

-- Like a browser, keep the authentication cookie the app renews (it re-checks the user's
-- security stamp every minute and sends a fresh cookie); a stale one would be re-checked on
-- every request, which no browser causes.
function response(status, headers, body)
  if status ~= 200 then
    not_ok = not_ok + 1
  end
  local renewed = headers["Set-Cookie"] and string.match(headers["Set-Cookie"], "^onboarding%.auth=([^;]*)")
  if renewed then
    wrk.headers["Cookie"] = string.gsub(wrk.headers["Cookie"], "onboarding%.auth=[^;]*", "onboarding.auth=" .. renewed)
  end
end

function done(summary, latency, requests)
  local bad = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("not_ok")
  end
  io.write(string.format("wrk requests: %d\n", summary.requests))
  io.write(string.format("wrk requests_per_s: %.1f\n", summary.requests / (summary.duration / 1000000)))
  io.write(string.format("wrk p50_ms: %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("wrk p95_ms: %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("wrk p99_ms: %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("wrk failed: %d\n", bad))
end
