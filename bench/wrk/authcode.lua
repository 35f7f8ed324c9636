-- The authorization code flow without a browser: a confidential tenant-scoped client names the user with `email`
-- (docs/dialects/storefront.md), so GET …/auth answers 302 with the code in Location at once; the code is then
-- exchanged at the token endpoint (HTTP Basic). Per thread, codes from 302s wait in a FIFO; request() exchanges
-- one when there is one, else asks for a new one: in the steady state authorize and exchange alternate.
-- Expected: 302 with a code (counted as `authorized`) and 200 from the token endpoint (`exchanged`); the
-- harness reports exchanges/s = exchanged / duration. Latency percentiles mix both kinds of request.
-- Env: BENCH_WRK_DIR, BENCH_BASIC, BENCH_AUTHORIZE_PATH (path and query of the authorization request),
--      BENCH_REDIRECT_URI. URL: the token endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

local token_headers = {
  ["Content-Type"] = "application/x-www-form-urlencoded",
  ["Accept"] = "application/json",
  ["Authorization"] = "Basic " .. common.env("BENCH_BASIC"),
}
local authorize_headers = { ["Accept"] = "text/html" }
local authorize_path = common.env("BENCH_AUTHORIZE_PATH")
local redirect = common.urlencode(common.env("BENCH_REDIRECT_URI"))
local token_path = nil

codes = common.queue()
common.counter_names = { "authorized", "exchanged" }

function init(args)
  token_path = wrk.path
end

setup = common.setup
done = common.done

function request()
  local code = common.pop(codes)
  if code then
    return wrk.format("POST", token_path, token_headers,
      "grant_type=authorization_code&code=" .. code .. "&redirect_uri=" .. redirect)
  end
  return wrk.format("GET", authorize_path, authorize_headers)
end

function response(status, headers, body)
  if status == 302 then
    local location = headers["Location"] or headers["location"] or ""
    local code = string.match(location, "[?&]code=([^&]+)")
    if code then
      common.push(codes, code)
      common.count("authorized")
      common.expected()
      return
    end
    common.unexpected(status, location)
    return
  end
  if status == 200 then
    common.count("exchanged")
    common.expected()
    return
  end
  common.unexpected(status, body)
end
