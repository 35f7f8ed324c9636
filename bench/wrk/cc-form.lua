-- client_credentials with client_id and client_secret in the form body (client_secret_post).
-- Env: BENCH_WRK_DIR, BENCH_CLIENT_ID, BENCH_CLIENT_SECRET. URL: the realm token endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.body = "grant_type=client_credentials"
  .. "&client_id=" .. common.urlencode(common.env("BENCH_CLIENT_ID"))
  .. "&client_secret=" .. common.urlencode(common.env("BENCH_CLIENT_SECRET"))

setup = common.setup
done = common.done

function response(status, headers, body)
  if status == 200 then common.expected() else common.unexpected(status, body) end
end
