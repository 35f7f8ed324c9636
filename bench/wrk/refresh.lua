-- The refresh_token grant with rotation: every response carries a new refresh token and the one sent is spent
-- (presenting a spent token again would revoke its whole family). Each thread owns a FIFO of unspent tokens,
-- seeded from a file of pre-issued ones (thread i takes lines i, i+n, i+2n, …): request() takes a token out (so it
-- is sent exactly once), response() puts the new one back. A request in flight when wrk stops loses its token,
-- never reuses it. done() writes the tokens still unspent, for the next run to start from.
-- Env: BENCH_WRK_DIR, BENCH_BASIC (the client the tokens belong to), BENCH_REFRESH_SEED (file, one token a line),
--      BENCH_WRK_THREADS, BENCH_REFRESH_LEFT (file written by done()). URL: the token endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Accept"] = "application/json",
  ["Authorization"] = "Basic " .. common.env("BENCH_BASIC"),
}
local path = nil -- filled in init() from the URL

tokens = common.queue()
common.counter_names = { "starved" }

function init(args)
  path = wrk.path
  local n = tonumber(common.env("BENCH_WRK_THREADS"))
  local i = 0
  for line in io.lines(common.env("BENCH_REFRESH_SEED")) do
    if line ~= "" then
      if i % n == thread_id then
        common.push(tokens, line)
      end
      i = i + 1
    end
  end
end

setup = common.setup
done = common.done

function request()
  local token = common.pop(tokens)
  if token == nil then
    -- more connections than unspent tokens (failed responses lose theirs): an invalid token, counted as starved
    common.count("starved")
    token = "starved"
  end
  return wrk.format("POST", path, headers, "grant_type=refresh_token&refresh_token=" .. common.urlencode(token))
end

function response(status, headers, body)
  if status == 200 then
    local next_token = string.match(body, '"refresh_token"%s*:%s*"([^"]+)"')
    if next_token then
      common.push(tokens, next_token)
      common.expected()
      return
    end
  end
  common.unexpected(status, body)
end

common.after_done = function(threads)
  local out = io.open(common.env("BENCH_REFRESH_LEFT"), "w")
  local left = 0
  for _, thread in ipairs(threads) do
    local q = thread:get("tokens")
    for k = q.first, q.last do
      if q[k] then
        out:write(q[k], "\n")
        left = left + 1
      end
    end
  end
  out:close()
  io.write("BENCH_REFRESH_LEFT tokens=" .. left .. "\n")
end
