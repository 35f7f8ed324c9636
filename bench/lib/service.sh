# bench/run: starting and stopping the service. Sourced, not run.
#
# The service runs as a child of bench/run, on its own port and database, with the settings of README "Run":
# QUARKUS_DATASOURCE_*, TOLLGATE_MASTER_KEY (generated per bench run), TOLLGATE_PUBLIC_URL and the bootstrap admin
# client's secret (generated), plus BENCH_JAVA_OPTS. The request rate limits are off (every load comes from one
# address and one client per scenario: the limits would measure themselves); set TOLLGATE_ABUSE_REQUESTS_PER_*_ENABLED
# =true to measure with them. SERVICE_PID is the JVM itself (no wrapper), so /proc/SERVICE_PID
# is what we measure.

SERVICE_PID=""

# start_service <app dir> <log file> [extra JVM options…]: starts `java … -jar quarkus-run.jar` from the app dir
# (archives such as app-cds.jsa are looked up relative to it) and sets SERVICE_PID and SERVICE_START_US.
start_service() {
    local dir=$1 logfile=$2
    shift 2
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$PORT (choose another with --port)"
    fi
    local -a java_opts
    # shellcheck disable=SC2206
    java_opts=($BENCH_JAVA_OPTS "$@")
    echo "# $(date -Is) $JAVA_HOME/bin/java ${java_opts[*]} -jar quarkus-run.jar (in $dir)" >> "$logfile"
    SERVICE_START_US=$(now_us)
    (
        cd "$dir"
        export QUARKUS_HTTP_PORT="$PORT" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
            QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
            TOLLGATE_MASTER_KEY="$MASTER_KEY" \
            TOLLGATE_PUBLIC_URL="$BASE_URL" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
            TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED="${TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED:-false}" \
            TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED="${TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED:-false}"
        exec "$JAVA_HOME/bin/java" "${java_opts[@]}" -jar quarkus-run.jar
    ) >> "$logfile" 2>&1 &
    SERVICE_PID=$!
}

# start_native <binary> <log file> [options…]: the same for a native executable.
start_native() {
    local binary=$1 logfile=$2
    shift 2
    local -a opts
    # shellcheck disable=SC2206
    opts=($BENCH_NATIVE_OPTS "$@")
    SERVICE_START_US=$(now_us)
    (
        export QUARKUS_HTTP_PORT="$PORT" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
            QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
            TOLLGATE_MASTER_KEY="$MASTER_KEY" \
            TOLLGATE_PUBLIC_URL="$BASE_URL" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
            TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED="${TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED:-false}" \
            TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED="${TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED:-false}"
        exec "$binary" "${opts[@]}"
    ) >> "$logfile" 2>&1 &
    SERVICE_PID=$!
}

# Waits until the HTTP port accepts connections (at most $1 seconds), checking every 5 ms without forking.
wait_port() {
    local limit_us=$(( $1 * 1000000 )) start fd
    start=$(now_us)
    while :; do
        if exec {fd}<>"/dev/tcp/127.0.0.1/$PORT"; then
            exec {fd}>&-
            return 0
        fi 2>/dev/null
        kill -0 "$SERVICE_PID" 2>/dev/null || return 1
        [ $(( $(now_us) - start )) -gt "$limit_us" ] && return 1
        nap 0.005
    done
}

# A client_credentials token request with the RS256 tenant's client; prints the HTTP status.
token_status() {
    curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST "$BASE_URL/auth/realms/$TENANT_RS/protocol/openid-connect/token" \
        -H 'Content-Type: application/x-www-form-urlencoded' \
        --data-urlencode grant_type=client_credentials \
        --data-urlencode "client_id=$CC_RS_ID" --data-urlencode "client_secret=$CC_RS_SECRET" 2>/dev/null || true
}

# Waits for the first 200 from the token endpoint (at most $1 seconds); sets FIRST_TOKEN_MS (since the start).
wait_first_token() {
    local limit=$1 status start
    start=$(now_us)
    wait_port "$limit" || return 1
    while :; do
        status=$(token_status)
        if [ "$status" = 200 ]; then
            FIRST_TOKEN_MS=$(( ($(now_us) - SERVICE_START_US) / 1000 ))
            return 0
        fi
        kill -0 "$SERVICE_PID" 2>/dev/null || return 1
        [ $(( $(now_us) - start )) -gt $(( limit * 1000000 )) ] && return 1
        nap 0.005
    done
}

# Waits for Quarkus' "started in" (the admin API before provisioning needs nothing else), at most $1 seconds.
wait_admin_ready() {
    local limit=$1 i
    wait_port "$limit" || return 1
    for (( i = 0; i < limit * 10; i++ )); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/q/openapi" 2>/dev/null)" = 200 ] && return 0
        kill -0 "$SERVICE_PID" 2>/dev/null || return 1
        nap 0.1
    done
    return 1
}

stop_service() {
    stop_pid "$SERVICE_PID" "${1:-30}"
    SERVICE_PID=""
}
