# bench/run: the scenarios, driven by wrk (bench/wrk/*.lua), and what is measured around each run. Sourced.

SCENARIOS_ALL="cc-rs256-form cc-es256-form cc-rs256-basic password refresh authcode introspect jwks"

realm() { echo "$BASE_URL/auth/realms/$1/protocol/openid-connect"; }

# scenario_prepare <name> <connections>: sets SC_SCRIPT, SC_URL, SC_TIMEOUT and SC_TOKENS (which counter counts
# issued tokens: ok, exchanged or none) and exports the BENCH_* variables the Lua script reads.
scenario_prepare() {
    local name=$1 conns=$2
    SC_TIMEOUT=10s
    SC_TOKENS=ok
    case "$name" in
        cc-rs256-form)
            SC_SCRIPT=cc-form.lua SC_URL="$(realm "$TENANT_RS")/token"
            export BENCH_CLIENT_ID=$CC_RS_ID BENCH_CLIENT_SECRET=$CC_RS_SECRET ;;
        cc-es256-form)
            SC_SCRIPT=cc-form.lua SC_URL="$(realm "$TENANT_ES")/token"
            export BENCH_CLIENT_ID=$CC_ES_ID BENCH_CLIENT_SECRET=$CC_ES_SECRET ;;
        cc-rs256-basic)
            SC_SCRIPT=cc-basic.lua SC_URL="$(realm "$TENANT_RS")/token"
            BENCH_BASIC=$(basic "$CC_RS_ID" "$CC_RS_SECRET"); export BENCH_BASIC ;;
        password)
            # bcrypt makes each request slow on purpose: requests queue up, give them time
            SC_SCRIPT=password.lua SC_URL="$(realm "$TENANT_ES")/token" SC_TIMEOUT=60s
            BENCH_BASIC=$(basic "$PW_ID" "$PW_SECRET"); export BENCH_BASIC
            export BENCH_USERNAME=$USER_EMAIL BENCH_PASSWORD=$USER_PASSWORD ;;
        refresh)
            SC_SCRIPT=refresh.lua SC_URL="$(realm "$TENANT_ES")/token"
            BENCH_BASIC=$(basic "$WEB_ID" "$WEB_SECRET"); export BENCH_BASIC
            # each connection holds one token in flight and a failed response loses its token: 3 per connection
            local seed="$WORK/refresh-seed.txt" have=0 want=$(( conns * 3 ))
            [ -f "$seed" ] && have=$(grep -c . "$seed" || true)
            if [ "$have" -lt "$want" ]; then
                issue_refresh_tokens "$seed" $(( want - have ))
            fi
            export BENCH_REFRESH_SEED=$seed BENCH_REFRESH_LEFT="$WORK/refresh-left.txt" BENCH_WRK_THREADS=$(wrk_threads "$conns") ;;
        authcode)
            SC_SCRIPT=authcode.lua SC_URL="$(realm "$TENANT_ES")/token" SC_TOKENS=exchanged
            BENCH_BASIC=$(basic "$WEB_ID" "$WEB_SECRET"); export BENCH_BASIC
            BENCH_AUTHORIZE_PATH=$(authorize_path); export BENCH_AUTHORIZE_PATH BENCH_REDIRECT_URI=$REDIRECT_URI ;;
        introspect)
            SC_SCRIPT=introspect.lua SC_URL="$(realm "$TENANT_RS")/token/introspect" SC_TOKENS=none
            BENCH_BASIC=$(basic "$RS_API_ID" "$RS_API_SECRET"); export BENCH_BASIC
            export BENCH_TOKEN=$INTROSPECT_TOKEN ;;
        jwks)
            SC_SCRIPT=jwks.lua SC_URL="$(realm "$TENANT_RS")/certs" SC_TOKENS=none ;;
        *) die "unknown scenario $name (known: $SCENARIOS_ALL)" ;;
    esac
    export BENCH_WRK_DIR="$BENCH_DIR/wrk"
}

wrk_threads() { [ "$1" -lt "$WRK_THREADS" ] && echo "$1" || echo "$WRK_THREADS"; }

# Seconds of CPU from bash's `times` output (second line: the children, i.e. wrk).
wrk_cpu_seconds() {
    sed -n 2p "$1" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); s += p[1] * 60 + p[2] } printf "%.2f", s }'
}

# Every second: "VmRSS-kB threads" of the service.
rss_sampler() {
    local file=$1
    : > "$file"
    while kill -0 "$SERVICE_PID" 2>/dev/null; do
        proc_rss_threads "$SERVICE_PID" >> "$file"
        nap 1
    done
}

# run_load <scenario> <connections> <seconds> <kind>: one wrk run against the running service. kind is warmup,
# measure, training, profile or variant-<name>. Sets RESULT (a tab-separated line, see RESULT_COLUMNS) and
# RESULT_OTHER (cores used by other processes meanwhile).
RESULT_COLUMNS="scenario conns rps tokens_per_s p50_ms p99_ms p999_ms non2xx unexpected socket_errors service_cores rss_max_mb rss_end_mb pg_cores wrk_cores other_cores requests seconds service_kernel_pct threads_max db_transactions_per_request db_table_scans_per_request db_rows_written_per_request"
run_load() {
    local name=$1 conns=$2 seconds=$3 kind=$4
    scenario_prepare "$name" "$conns"
    local tag="$name-c$conns-$kind"
    local raw="$WORK/raw/$tag.txt" rss_file="$WORK/raw/$tag.rss"
    local threads; threads=$(wrk_threads "$conns")
    local svc0 svc1 pg0 pg1 sys0 sys1 t0 t1 sampler rc=0

    local db0 db1
    db0=$(pg_db_stats)
    svc0=$(proc_ticks_split "$SERVICE_PID"); pg0=$(pg_ticks "$DB"); sys0=$(system_ticks); t0=$(now_us)
    rss_sampler "$rss_file" & sampler=$!
    HELPER_PIDS+=("$sampler")
    (
        status=0
        "$WRK" -t "$threads" -c "$conns" -d "${seconds}s" --timeout "$SC_TIMEOUT" --latency \
            -s "$BENCH_WRK_DIR/$SC_SCRIPT" "$SC_URL" > "$raw" 2>&1 || status=$?
        times > "$raw.times"    # second line: CPU time of this subshell's children, i.e. wrk
        exit $status
    ) &
    local driver=$!
    HELPER_PIDS+=("$driver")
    wait "$driver" || rc=$?
    t1=$(now_us); svc1=$(proc_ticks_split "$SERVICE_PID"); pg1=$(pg_ticks "$DB"); sys1=$(system_ticks)
    kill "$sampler" 2>/dev/null || true
    wait "$sampler" 2>/dev/null || true
    local rss_end; rss_end=$(proc_rss_threads "$SERVICE_PID")
    echo "$rss_end" >> "$rss_file"
    rss_end=${rss_end%% *}

    [ "$name" = refresh ] && [ -f "$BENCH_REFRESH_LEFT" ] && mv "$BENCH_REFRESH_LEFT" "$WORK/refresh-seed.txt"

    local line; line=$(grep '^BENCH ' "$raw" | head -1 || true)
    if [ "$rc" -ne 0 ] || [ -z "$line" ]; then
        log "wrk failed for $tag (exit $rc): $(tail -3 "$raw" | tr '\n' ' ')"
        RESULT="" RESULT_OTHER=0
        return 1
    fi
    local samples; samples=$(grep '^BENCH_SAMPLES ' "$raw" | cut -c15- | cut -c1-300 || true)
    [ -n "$samples" ] && log "$tag: unexpected responses, e.g. $samples"

    local elapsed=$(( t1 - t0 ))
    local requests duration_us ok tokens
    requests=$(kv "$line" requests); duration_us=$(kv "$line" duration_us); ok=$(kv "$line" ok)
    case "$SC_TOKENS" in
        ok) tokens=$ok ;;
        exchanged) tokens=$(kv "$line" exchanged) ;;
        *) tokens="" ;;
    esac
    local svc_cores pg_cores busy_cores wrk_cores other
    local svc_user=$(( ${svc1% *} - ${svc0% *} )) svc_kernel=$(( ${svc1#* } - ${svc0#* } ))
    svc_cores=$(cores $(( svc_user + svc_kernel )) "$elapsed")
    local kernel_pct=$(( (svc_user + svc_kernel) > 0 ? 100 * svc_kernel / (svc_user + svc_kernel) : 0 ))
    pg_cores=$(cores $(( pg1 - pg0 )) "$elapsed")
    busy_cores=$(cores $(( ${sys1%% *} - ${sys0%% *} )) "$elapsed")
    wrk_cores=$(awk -v s="$(wrk_cpu_seconds "$raw.times")" -v us="$elapsed" 'BEGIN { printf "%.2f", s / (us / 1e6) }')
    other=$(awk -v b="$busy_cores" -v a="$svc_cores" -v p="$pg_cores" -v w="$wrk_cores" 'BEGIN { o = b - a - p - w; if (o < 0) o = 0; printf "%.2f", o }')
    local rss_max threads_max
    rss_max=$(sort -n "$rss_file" | tail -1 | cut -d' ' -f1)
    threads_max=$(sort -k2,2n "$rss_file" | tail -1 | cut -d' ' -f2)

    RESULT=$(awk -v OFS='\t' -v name="$name" -v c="$conns" -v req="$requests" -v us="$duration_us" -v tok="$tokens" \
        -v line="$line" -v svc="$svc_cores" -v rmax="$rss_max" -v rend="$rss_end" -v pg="$pg_cores" -v wrk="$wrk_cores" \
        -v other="$other" -v kpct="$kernel_pct" -v thr="$threads_max" '
        function v(k,   m) { m = line; if (!match(m, " " k "=[^ ]*")) return 0; return substr(m, RSTART + length(k) + 2, RLENGTH - length(k) - 2) }
        BEGIN {
            s = us / 1e6
            rps = sprintf("%.1f", req / s)
            tps = (tok == "") ? "-" : sprintf("%.1f", tok / s)
            sock = v("err_connect") + v("err_read") + v("err_write") + v("err_timeout")
            print name, c, rps, tps, sprintf("%.2f", v("p50_us") / 1000), sprintf("%.2f", v("p99_us") / 1000),
                  sprintf("%.2f", v("p999_us") / 1000), v("err_status"), v("unexpected"), sock, svc,
                  sprintf("%.0f", rmax / 1024), sprintf("%.0f", rend / 1024), pg, wrk, other, req, sprintf("%.1f", s),
                  kpct, thr
        }')
    RESULT_OTHER=$other
    drain_service
    nap 1.2    # PostgreSQL backends flush their statistics at most once a second
    db1=$(pg_db_stats)
    RESULT+=$(awk -v a="$db0" -v b="$db1" -v req="$requests" 'BEGIN {
        split(a, x, " "); split(b, y, " ")
        if (req <= 0) { printf "\t-\t-\t-"; exit }
        # minus the statistics query itself (one transaction)
        printf "\t%.2f\t%.2f\t%.2f", (y[1] - x[1] - 1) / req, (y[2] - x[2]) / req, (y[3] - x[3]) / req }')
    log "$tag: $(echo "$RESULT" | awk -F'\t' '{ printf "%s req/s, tokens/s %s, p50 %s ms, p99 %s ms, p99.9 %s ms, non-2xx %s, unexpected %s, service %s cores, RSS max %s MB, other %s cores", $3, $4, $5, $6, $7, $8, $9, $11, $12, $16 }')"
}

# After a run the service may still be busy with requests wrk abandoned when it stopped (32 password grants are
# seconds of bcrypt): wait (at most 60 s) until it uses less than a tenth of a core, so the next run starts clean.
drain_service() {
    local i t0 t1 before
    for (( i = 0; i < 240; i++ )); do
        before=$(proc_ticks "$SERVICE_PID"); t0=$(now_us)
        nap 0.25
        t1=$(now_us)
        awk -v c="$(cores $(( $(proc_ticks "$SERVICE_PID") - before )) $(( t1 - t0 )))" 'BEGIN { exit !(c < 0.1) }' && return 0
    done
    log "the service was still busy 60 s after the run"
}

# One warm-up round over every scenario before any is measured: the JIT compiles the shared request path (HTTP,
# REST, client authentication, persistence, signing) before the first scenario is measured, not during it.
warm_up_all() {
    local top name
    top=$(for c in $CONNECTIONS; do echo "$c"; done | sort -n | tail -1)
    for name in $SCENARIOS; do
        run_load "$name" "$( [ "$name" = password ] && echo 2 || echo "$top" )" "$GLOBAL_WARMUP" warmup-all || true
    done
}

# The measured runs of one scenario at each concurrency, after a warm-up at the highest one. A run during which
# other processes used more than BENCH_QUIET_CORES is repeated (after waiting for quiet) up to BENCH_RETRIES times;
# the least disturbed run is kept and flagged when still disturbed.
measure_scenario() {
    local name=$1 conns attempt best best_other duration=$DURATION
    # a bcrypt-bound scenario completes few requests per second: a very short run would complete none
    if [ "$name" = password ] && [ "$duration" -lt 10 ]; then duration=10; fi
    local top; top=$(for c in $CONNECTIONS; do echo "$c"; done | sort -n | tail -1)
    if [ "$WARMUP" -gt 0 ]; then
        log "$name: warm-up ${WARMUP}s at $top connections"
        run_load "$name" "$top" "$WARMUP" warmup || true
    fi
    for conns in $CONNECTIONS; do
        best="" best_other=""
        for (( attempt = 0; attempt <= BENCH_RETRIES; attempt++ )); do
            if [ "$attempt" -gt 0 ]; then
                log "$name c=$conns: other processes used $RESULT_OTHER cores during the run: waiting for quiet, then again"
                wait_quiet "$WAIT_QUIET" "$IDLE_SERVICE_CORES" >/dev/null
            fi
            run_load "$name" "$conns" "$duration" measure || continue
            if [ -z "$best" ] || awk -v a="$RESULT_OTHER" -v b="$best_other" 'BEGIN { exit !(a < b) }'; then
                best=$RESULT best_other=$RESULT_OTHER
            fi
            awk -v o="$best_other" -v q="$BENCH_QUIET_CORES" 'BEGIN { exit !(o < q) }' && break
        done
        [ -n "$best" ] || { printf '%s\t%s\tFAILED\n' "$name" "$conns" >> "$WORK/scenarios.tsv"; continue; }
        printf '%s\n' "$best" >> "$WORK/scenarios.tsv"
    done
}

# An unmeasured extra run of one scenario with a JFR recording of the service (`--profile`), summarised into
# $WORK/profile-*.txt for the report.
profile_scenario() {
    local name=$1 conns=$2 seconds=$3 jfr="$WORK/profile-$1.jfr"
    log "profile: $name, ${seconds}s at $conns connections with JFR (settings=profile), not counted in the tables"
    "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.start name=bench settings=profile filename="$jfr" > "$WORK/raw/jfr-start.txt" 2>&1 \
        || { log "JFR.start failed: $(cat "$WORK/raw/jfr-start.txt")"; return 1; }
    run_load "$name" "$conns" "$seconds" profile || true
    "$JAVA_HOME/bin/jcmd" "$SERVICE_PID" JFR.stop name=bench > "$WORK/raw/jfr-stop.txt" 2>&1 || true
    PROFILE_RESULT=$RESULT
    summarise_profile "$jfr"
}

# Hot methods (jfr view) and where the samples go: each execution sample (stack depth 64) goes to the bucket of
# the frame nearest to the top of its stack that matches one (JDK frames count for the library that called them;
# BigInteger & co. count as signing only under the signer).
summarise_profile() {
    local jfr=$1
    [ -s "$jfr" ] || { log "no JFR file"; return 1; }
    "$JAVA_HOME/bin/jfr" view --width 180 hot-methods "$jfr" > "$WORK/profile-hot-methods.txt" 2>&1 || true
    "$JAVA_HOME/bin/jfr" print --stack-depth 64 --events jdk.ExecutionSample "$jfr" 2>/dev/null | awk '
        BEGIN {
            n = split("signature math (RSA/EC, JDK providers)|JWT building (smallrye-jwt-build, jose4j, JSON-P)|bcrypt|client secret digest (HMAC)|PostgreSQL JDBC driver|connection pool (Agroal)|transactions (Narayana)|Hibernate ORM / Panache|REST layer (RESTEasy Reactive, Jackson)|Tollgate code (other)|HTTP server (Vert.x, Netty)|Quarkus/SmallRye runtime (Arc, config, context)|logging", name, "|")
            pattern[1] = "^(sun\\.security\\.(rsa|ec|util\\.math)|java\\.math\\.|com\\.sun\\.crypto|sun\\.security\\.provider)"
            pattern[2] = "SmallRyeJwtTokenSigner|^io\\.smallrye\\.jwt|^org\\.jose4j|^org\\.eclipse\\.parsson"
            pattern[3] = "BcryptUtil|elytron\\.password"
            pattern[4] = "HmacSecretDigester|^javax\\.crypto\\.Mac"
            pattern[5] = "^org\\.postgresql"
            pattern[6] = "^io\\.agroal"
            pattern[7] = "^com\\.arjuna|^io\\.narayana|^io\\.quarkus\\.narayana"
            pattern[8] = "^org\\.hibernate|^io\\.quarkus\\.hibernate"
            pattern[9] = "^com\\.fasterxml|^org\\.jboss\\.resteasy|^io\\.quarkus\\.resteasy"
            pattern[10] = "^dev\\.tollgate"
            pattern[11] = "^io\\.vertx|^io\\.netty"
            pattern[12] = "^io\\.quarkus|^io\\.smallrye"
            pattern[13] = "^org\\.jboss\\.(logmanager|logging)"
        }
        /^jdk\.ExecutionSample/ { frames = 0; thread = "?" }
        /sampledThread = / { match($0, /"[^"]*"/); thread = substr($0, RSTART + 1, RLENGTH - 2); sub(/[-#]?[0-9]+$/, "", thread) }
        /^    [a-zA-Z_$].*\(/ { frames++; frame[frames] = $1 }
        /^}/ {
            total++
            threads[thread]++
            hit = ""
            for (f = 1; f <= frames && hit == ""; f++)
                for (b = 1; b <= n; b++)
                    if (frame[f] ~ pattern[b]) {
                        if (b == 1) { under = 0; for (g = f; g <= frames; g++) if (frame[g] ~ /SmallRyeJwtTokenSigner|^io\.smallrye\.jwt|^org\.jose4j/) under = 1; if (!under) continue }
                        hit = name[b]; break
                    }
            if (hit == "") hit = "other (JDK only)"
            buckets[hit]++
        }
        END {
            for (k in buckets) printf "%s\t%d\t%.1f\n", k, buckets[k], 100 * buckets[k] / total | "sort -t\"\t\" -k2,2nr"
            close("sort -t\"\t\" -k2,2nr")
            printf "TOTAL\t%d\t100\n", total
            for (t in threads) printf "THREAD\t%s\t%d\t%.1f\n", t, threads[t], 100 * threads[t] / total
        }' > "$WORK/profile-buckets.tsv" || log "profile summary failed"
}
