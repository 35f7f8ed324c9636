# reliability/pg-outage: an open-loop mixed load (requests start at a fixed rate whatever the answers take, so slow
# answers show as requests and threads piling up), a once-a-second sampler, and the timeline. Sourced, not run.
#
# Request kinds, ten per round: cc and mcc are client_credentials of a client read before (realm path, Moltin path),
# which must be served from memory all along; pw (password grant, realm path), v0 (v0 password), mun (Moltin, a
# client_id never seen) and adm (admin API list) need PostgreSQL.

MIX=(cc pw cc v0 mcc mun cc adm cc pw)
CACHED_KINDS=" cc mcc "

# fire <kind>: one request; appends "<start_us> <kind> <status> <seconds> <ok>" to $REQUESTS (one short line, one
# write: lines of parallel requests do not mix). ok is 1 when a 200 carries an access token.
fire() {
    local kind=$1 start out status body ok=0
    local -a request
    start=$(now_us)
    case "$kind" in
        cc) request=(-u "$CC_ID:$CC_SECRET" --data-urlencode grant_type=client_credentials
                "$BASE_URL/auth/realms/$TENANT/protocol/openid-connect/token") ;;
        mcc) request=(-H "Host: $HOST_NAME" --data-urlencode grant_type=client_credentials
                --data-urlencode "client_id=$CC_ID" --data-urlencode "client_secret=$CC_SECRET"
                "$BASE_URL/oauth/access_token") ;;
        pw) request=(-u "$PW_ID:$PW_SECRET" --data-urlencode grant_type=password
                --data-urlencode "username=$USER_EMAIL" --data-urlencode "password=$USER_PASSWORD"
                "$BASE_URL/auth/realms/$TENANT/protocol/openid-connect/token") ;;
        v0) request=(-H "Host: $HOST_NAME" --data-urlencode grant_type=password
                --data-urlencode "username=$USER_NAME" --data-urlencode "password=$USER_PASSWORD"
                "$BASE_URL/v0/token") ;;
        mun) request=(-H "Host: $HOST_NAME" --data-urlencode grant_type=client_credentials
                --data-urlencode "client_id=unknown-$start-$RANDOM" --data-urlencode client_secret=nothing
                "$BASE_URL/oauth/access_token") ;;
        adm) request=(-X GET -H "Authorization: Bearer $ADMIN_TOKEN" "$BASE_URL/admin/tenants") ;;
    esac
    out=$(curl -s --max-time "$CURL_MAX_TIME" -w '\n%{http_code} %{time_total}' -X POST "${request[@]}" 2>/dev/null)
    status=${out##*$'\n'}
    body=${out%$'\n'*}
    [ "${status%% *}" = 200 ] && [[ "$body" == *'"access_token":"ey'* ]] && ok=1
    printf '%s %s %s %s\n' "$start" "$kind" "${status:-000 0}" "$ok" >> "$REQUESTS"
}

# run_load <seconds> <rate>: starts a request every 1/rate s for the given time; returns once all have answered.
run_load() {
    local seconds=$1 rate=$2 n=0 total interval_us start next now
    total=$(( seconds * rate ))
    interval_us=$(( 1000000 / rate ))
    start=$(now_us)
    for (( n = 0; n < total; n++ )); do
        next=$(( start + n * interval_us ))
        now=$(now_us)
        if [ "$now" -lt "$next" ]; then
            nap "$(printf '0.%06d' $(( next - now )))"
        fi
        fire "${MIX[$(( n % ${#MIX[@]} ))]}" &
    done
    wait
}

# sample <seconds>: once a second, readiness, liveness (each answered in the background, so a slow one does not
# shift the clock) and the service's thread count; lines "<us> ready|live|threads <value>" in $SAMPLES.
sample() {
    local seconds=$1 i start next now
    start=$(now_us)
    for (( i = 0; i < seconds; i++ )); do
        ( printf '%s ready %s\n' "$(now_us)" "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE_URL/q/health/ready")" >> "$SAMPLES" ) &
        ( printf '%s live %s\n' "$(now_us)" "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$BASE_URL/q/health/live")" >> "$SAMPLES" ) &
        printf '%s threads %s\n' "$(now_us)" "$(set -- $(proc_rss_threads "$SERVICE_PID"); echo "$2")" >> "$SAMPLES"
        next=$(( start + (i + 1) * 1000000 ))
        now=$(now_us)
        if [ "$now" -lt "$next" ]; then
            nap "$(printf '%d.%06d' $(( (next - now) / 1000000 )) $(( (next - now) % 1000000 )))"
        fi
    done
    wait
}

# timeline <t0_us> <stop_us> <start_us> <end_us>: the per-second table, then the verdict (exit status 0 or 1).
# Prints on stdout; the checks are in awk so that thousands of lines cost nothing.
timeline() {
    awk -v t0="$1" -v stop="$2" -v restart="$3" -v end="$4" -v bound_ms="$BOUND_MS" -v cached="$CACHED_KINDS" '
        function phase(us) { return us < stop ? "before" : (us < restart ? "OUTAGE" : "after") }
        function fail(msg) { if (!(msg in failed)) { failed[msg] = 1; order[++nfail] = msg } }
        FILENAME == ARGV[1] {
            start = $1; kind = $2; status = $3; ms = $4 * 1000; ok = $5
            s = int((start - t0) / 1000000); if (s > last) last = s
            n[s]++; total++
            if (status == 200) c200[s]++; else if (status == 401) c401[s]++; else if (status == 503) c503[s]++; else cother[s]++
            if (ms > maxms[s]) maxms[s] = ms
            if (ms > worst) { worst = ms; worstkind = kind; worststatus = status }
            p = phase(start)
            count[p]++; if (ms > pmax[p]) pmax[p] = ms
            if (status == 503) { p503[p]++ }
            if (index(cached, " " kind " ")) {
                ccn[s]++; ccall[p]++
                if (status == 200 && ok == 1) { ccok[s]++; ccgood[p]++ }
                else fail(sprintf("cached client_credentials (%s) answered %s during %s", kind, status, p))
            } else {
                if (status == 503) last503 = start
                expected = (kind == "mun") ? 401 : 200
                if (status != expected && status != 503)
                    fail(sprintf("%s answered %s (expected %d, or 503 while PostgreSQL is away)", kind, status, expected))
                # judged by when the answer came: a request sent just before the stop may well end after it
                if (status == 503 && start + ms * 1000 < stop) fail(sprintf("%s answered 503 before the outage", kind))
            }
            if (status == "000") fail("a request got no answer within curl'"'"'s limit (" kind ")")
            if (status >= 500 && status != 503) fail(sprintf("a %s answered %s", kind, status))
            if (ms > bound_ms) fail(sprintf("a %s took %d ms (bound %d ms)", kind, ms, bound_ms))
            next
        }
        {
            s = int(($1 - t0) / 1000000)
            if ($2 == "ready") { ready[s] = $3; if (phase($1) == "OUTAGE" && $3 == 503) readydown = 1; lastready = $3; if (s > last) last = s }
            if ($2 == "live") { live[s] = $3; if ($3 != 200) fail("liveness answered " $3) }
            if ($2 == "threads") { threads[s] = $3; if ($3 > maxthreads[phase($1)]) maxthreads[phase($1)] = $3 }
        }
        END {
            printf "%4s  %-6s %5s %5s %5s %5s %5s %7s %8s %5s %4s %7s\n", "t(s)", "phase", "req", "200", "401", "503", "other", "max_ms", "cached", "ready", "live", "threads"
            for (s = 0; s <= last; s++) {
                p = phase(t0 + s * 1000000 + 500000)
                printf "%4d  %-6s %5d %5d %5d %5d %5d %7d %4d/%-3d %5s %4s %7s\n", s, p, n[s], c200[s], c401[s], c503[s], cother[s], maxms[s], ccok[s], ccn[s], (s in ready) ? ready[s] : "-", (s in live) ? live[s] : "-", (s in threads) ? threads[s] : "-"
            }
            printf "\nrequests: %d; slowest %d ms (%s, %s); bound %d ms; phases by when a request was sent\n", total, worst, worstkind, worststatus, bound_ms
            split("before OUTAGE after", phases, " ")
            for (i = 1; i <= 3; i++) {
                p = phases[i]
                printf "  %-6s %5d requests, %5d answered 503, slowest %5d ms, cached cc %d/%d ok, max threads %s\n", p, count[p], p503[p], pmax[p], ccgood[p], ccall[p], maxthreads[p] == "" ? "-" : maxthreads[p]
            }
            if (count["OUTAGE"] == 0) fail("no request was sent during the outage")
            if (!readydown) fail("readiness never reported DOWN (503) during the outage")
            if (lastready != 200) fail("readiness is " lastready " at the end, not 200")
            if (last503 >= end - 3000000) fail("requests still answered 503 in the last 3 s: the service did not recover")
            if (last503 >= restart) printf "recovered: the last 503 was %.1f s after PostgreSQL was started again\n", (last503 - restart) / 1e6
            else printf "recovered: no 503 once PostgreSQL was started again\n"
            if (nfail == 0) { print "VERDICT: PASS"; exit 0 }
            print "VERDICT: FAIL"
            for (i = 1; i <= nfail; i++) print "  - " order[i]
            exit 1
        }
    ' "$REQUESTS" "$SAMPLES"
}
