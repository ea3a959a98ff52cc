-- A steady load of public pages for wrk, through nginx:
--   wrk -t2 -c10 -d60s --latency -s deploy/load.lua https://127.0.0.1:8443
-- An open loop: requests leave on a fixed schedule, LOAD_RATE per second in all (100 by
-- default), whatever the answers' latency, as long as one of the connections is free
-- (a slow answer does not slow the load down, as it would if each connection waited a
-- fixed time after its answer). Each of wrk's threads keeps its share of the schedule:
-- set LOAD_THREADS to the number given to -t (2 by default).
-- The mix: front page, challenge overview, a search and the feed, the enquiry form,
-- an English page, the about page.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } load_timeval;
  int gettimeofday(load_timeval *tv, void *tz);
]]

local paths = {
  "/", "/udfordringer/", "/udfordringer/?q=borgere", "/udfordringer/feed/", "/kontakt/",
  "/en/", "/om-portalen/", "/udfordringer/?sort=newest", "/en/challenges/",
}
local counter = 0
local rate = tonumber(os.getenv("LOAD_RATE") or "100")
local threads = tonumber(os.getenv("LOAD_THREADS") or "2")
local interval = 1000 * threads / rate -- milliseconds between this thread's requests
local next_at = nil
local statuses = {}
local clock = ffi.new("load_timeval")

local function now_ms()
  ffi.C.gettimeofday(clock, nil)
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_usec) / 1000
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Accept-Encoding"] = "gzip"})
end

function delay()
  local now = now_ms()
  next_at = (next_at or now) + interval
  local wait = next_at - now
  if wait < 0 then
    return 0
  end
  return math.floor(wait)
end

function response(status, headers, body)
  if status ~= 200 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s: %.1f per second\n", summary.requests,
    summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("errors: connect %d, read %d, write %d, timeout %d, status %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, summary.errors.status))
end
