-- The password grant (a deprecated surface: responses carry Deprecation headers, still 200), client by HTTP Basic.
-- Env: BENCH_WRK_DIR, BENCH_BASIC, BENCH_USERNAME, BENCH_PASSWORD. URL: the token endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. common.env("BENCH_BASIC")
wrk.body = "grant_type=password"
  .. "&username=" .. common.urlencode(common.env("BENCH_USERNAME"))
  .. "&password=" .. common.urlencode(common.env("BENCH_PASSWORD"))

setup = common.setup
done = common.done

function response(status, headers, body)
  if status == 200 then common.expected() else common.unexpected(status, body) end
end
