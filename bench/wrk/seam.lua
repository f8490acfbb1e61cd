-- One wrk script for every load of bench/run.sh, configured through the environment:
--   WRK_METHOD      GET, PUT, POST (default GET)
--   WRK_BODY        JSON body sent with every request (optional)
--   WRK_FRESH_KEY   1: instead of WRK_BODY, send {"user_identifier_key":"bench-<run>-<thread>-<n>"}, a key never
--                   used before (load 3, PUT /client_sessions/create)
--   WRK_RUN_ID      part of the fresh keys, so that two runs never collide (default: the time)
--   WRK_HEADER_1..9 "Name: value" request headers
-- done() prints one machine-readable line that run.sh parses:
--   RESULT requests=.. seconds=.. rps=.. p50_ms=.. p99_ms=.. max_ms=.. http_errors=.. socket_errors=..

local method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
local fresh = os.getenv("WRK_FRESH_KEY") == "1"
local run_id = os.getenv("WRK_RUN_ID") or tostring(os.time())

local headers = {}
for i = 1, 9 do
  local header = os.getenv("WRK_HEADER_" .. i)
  if header then
    local name, value = header:match("^([^:]+):%s*(.*)$")
    headers[name] = value
  end
end
if body or fresh then
  headers["Content-Type"] = "application/json"
end

-- Thread numbers are handed out by setup() in the main Lua state; thread:set() makes `thread_number` a global of
-- that thread's own state (so it must not be declared local here).
local threads_started = 0

function setup(thread)
  threads_started = threads_started + 1
  thread:set("thread_number", threads_started)
end

local prepared
local counter = 0

function init(args)
  prepared = wrk.format(method, nil, headers, body)
end

function request()
  if fresh then
    counter = counter + 1
    local key_body = string.format('{"user_identifier_key":"bench-%s-%d-%d"}', run_id, thread_number, counter)
    return wrk.format(method, nil, headers, key_body)
  end
  return prepared
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f http_errors=%d socket_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
