-- GET of the tenant's JWKS (realm certs endpoint). Env: BENCH_WRK_DIR.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
local common = require("common")

wrk.method = "GET"
wrk.headers["Accept"] = "application/json"

setup = common.setup
done = common.done

function response(status, headers, body)
  if status == 200 then common.expected() else common.unexpected(status, body) end
end
