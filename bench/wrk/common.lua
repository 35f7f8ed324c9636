-- Shared by every scenario script of bench/run (wrk 4.x, LuaJIT).
--
-- wrk runs one Lua state per thread plus one for setup() and done(). Each thread counts the responses it expected
-- (`ok`) and the others (`unexpected`, with the first few statuses/bodies kept for the report); done() adds them
-- up and prints one machine-readable line that bench/run parses:
--
--   BENCH requests=… duration_us=… ok=… unexpected=… p50_us=… p75_us=… p90_us=… p99_us=… p999_us=… max_us=…
--         mean_us=… err_connect=… err_read=… err_write=… err_status=… err_timeout=… [extra counters]
--
-- Configuration comes from the environment (os.getenv), set by bench/run: see each scenario script.

local common = {}

local threads = {}

function common.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then
    if default == nil then
      error("environment variable " .. name .. " is not set")
    end
    return default
  end
  return value
end

-- application/x-www-form-urlencoded value
function common.urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end))
end

-- A FIFO of strings (tokens, codes) local to one thread: each value is handed out once. A flat table (items at
-- integer keys, bounds at "first"/"last"): wrk's thread:get() copies flat tables but not nested ones.
function common.queue()
  return { first = 1, last = 0 }
end

function common.push(q, value)
  q.last = q.last + 1
  q[q.last] = value
end

function common.pop(q)
  if q.first > q.last then
    return nil
  end
  local value = q[q.first]
  q[q.first] = nil
  q.first = q.first + 1
  return value
end

function common.size(q)
  return q.last - q.first + 1
end

-- Called from setup(thread) in the main state: numbers the threads (0..n-1) and remembers them for done().
function common.setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

-- Per-thread counters (globals of the thread's state, read back with thread:get in done()).
ok = 0
unexpected = 0
samples = ""
extra_counters = {}

function common.count(name, n)
  extra_counters[name] = (extra_counters[name] or 0) + (n or 1)
end

function common.expected()
  ok = ok + 1
end

function common.unexpected(status, body)
  unexpected = unexpected + 1
  if unexpected <= 3 then
    local snippet = string.gsub(string.sub(body or "", 1, 120), "%s+", " ")
    samples = samples .. status .. ":" .. snippet .. " | "
  end
end

-- Extra counter names a script reports (summed over threads), e.g. {"authorized", "exchanged"}.
common.counter_names = {}

function common.done(summary, latency, requests)
  local total_ok, total_unexpected, all_samples = 0, 0, ""
  local extras = {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + (thread:get("ok") or 0)
    total_unexpected = total_unexpected + (thread:get("unexpected") or 0)
    all_samples = all_samples .. (thread:get("samples") or "")
    local counters = thread:get("extra_counters") or {}
    for _, name in ipairs(common.counter_names) do
      extras[name] = (extras[name] or 0) + (counters[name] or 0)
    end
  end
  local e = summary.errors
  local line = string.format(
    "BENCH requests=%d duration_us=%d ok=%d unexpected=%d p50_us=%d p75_us=%d p90_us=%d p99_us=%d p999_us=%d"
      .. " max_us=%d mean_us=%.0f err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d",
    summary.requests, summary.duration, total_ok, total_unexpected,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99),
    latency:percentile(99.9), latency.max, latency.mean,
    e.connect, e.read, e.write, e.status, e.timeout)
  for _, name in ipairs(common.counter_names) do
    line = line .. string.format(" %s=%d", name, extras[name] or 0)
  end
  io.write(line .. "\n")
  if all_samples ~= "" then
    io.write("BENCH_SAMPLES " .. all_samples .. "\n")
  end
  if common.after_done then
    common.after_done(threads)
  end
end

return common
