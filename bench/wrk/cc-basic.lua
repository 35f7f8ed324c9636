-- client_credentials with HTTP Basic client authentication (client_secret_basic, RFC 6749 §2.3.1).
-- Env: BENCH_WRK_DIR, BENCH_BASIC (base64 of urlencoded client_id ":" urlencoded secret). URL: the token endpoint.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Accept"] = "application/json"
wrk.headers["Authorization"] = "Basic " .. common.env("BENCH_BASIC")
wrk.body = "grant_type=client_credentials"

setup = common.setup
done = common.done

function response(status, headers, body)
  if status == 200 then common.expected() else common.unexpected(status, body) end
end
