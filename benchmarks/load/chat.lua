-- wrk script of the load benchmark: one POST per request, then one parseable RESULT line with the
-- rate, the latency percentiles (wrk's own histogram, microseconds) and every kind of error.
-- BENCH_BODY_FILE: the JSON body; BENCH_HEADER: one extra "Name: value" header (the API key).

local function read_file(path)
  local file = assert(io.open(path, "rb"))
  local content = file:read("*a")
  file:close()
  return content
end

wrk.method = "POST"
wrk.body = read_file(os.getenv("BENCH_BODY_FILE"))
wrk.headers["Content-Type"] = "application/json"
local header = os.getenv("BENCH_HEADER")
if header and header ~= "" then
  local name, value = header:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_us=%d rps=%.1f p50_us=%d p99_us=%d p999_us=%d"
      .. " max_us=%d non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
