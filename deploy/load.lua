-- A steady load of public pages for wrk, through nginx:
--   wrk -t2 -c10 -d60s --latency -s deploy/load.lua https://127.0.0.1:8443
-- Each of the 10 connections sends a request every 100 ms: 100 requests per second.
-- The mix: front page, challenge overview, a search and the feed, the enquiry form,
-- an English page, the about page.
local paths = {
  "/", "/udfordringer/", "/udfordringer/?q=borgere", "/udfordringer/feed/", "/kontakt/",
  "/en/", "/om-portalen/", "/udfordringer/?sort=newest", "/en/challenges/",
}
local counter = 0
local connections = tonumber(os.getenv("LOAD_CONNECTIONS") or "10")
local rate = tonumber(os.getenv("LOAD_RATE") or "100")
local statuses = {}

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {["Accept-Encoding"] = "gzip"})
end

function delay()
  return math.floor(1000 * connections / rate)
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
