-- RFC 7662 introspection of one pre-issued access token by the resource server (HTTP Basic). A response that
-- does not say "active":true is unexpected.
-- Env: BENCH_WRK_DIR, BENCH_BASIC, BENCH_TOKEN. URL: the realm introspection endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. common.env("BENCH_BASIC")
wrk.body = "token=" .. common.urlencode(common.env("BENCH_TOKEN"))

setup = common.setup
done = common.done

function response(status, headers, body)
  if status == 200 and string.find(body, '"active":true', 1, true) then
    common.expected()
  else
    common.unexpected(status, body)
  end
end
