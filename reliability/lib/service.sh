# reliability/*: the packaged service against the throwaway cluster, and what the load needs, created through the
# admin API (docs/admin-api.md). Sourced, not run. Needs ROOT, JAVA_HOME, PORT, PG_PORT, WORK.

SERVICE_PID="" BASE_URL="" ADMIN_CLIENT_ID="reliability-admin" ADMIN_SECRET="" ADMIN_TOKEN=""
TENANT="outage" HOST_NAME="outage.test"
CC_ID="backend" CC_SECRET="" PW_ID="pos" PW_SECRET="" USER_EMAIL="shopper@outage.test" USER_NAME="shopper"
USER_PASSWORD=""

# Sources newer than the packaged service: it must be built again.
service_stale() {
    local jar=$ROOT/bootstrap/target/quarkus-app/quarkus-run.jar
    [ -f "$jar" ] || return 0
    [ -n "$(find "$ROOT/pom.xml" "$ROOT/domain" "$ROOT/application" "$ROOT/adapters" "$ROOT/bootstrap/pom.xml" \
        "$ROOT/bootstrap/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]
}

service_build() {
    log "building the service (./mvnw -B -q -ntp -pl bootstrap -am package -DskipTests)"
    (cd "$ROOT" && ./mvnw -B -q -ntp -pl bootstrap -am package -DskipTests) > "$WORK/build.log" 2>&1 \
        || die "build failed, see $WORK/build.log"
}

# service_start <log file>: java -jar quarkus-run.jar with the settings of README "Run", on the throwaway cluster.
service_start() {
    local logfile=$1
    BASE_URL="http://127.0.0.1:$PORT"
    ADMIN_SECRET=$(random_secret)
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$PORT (choose another with --port)"
    fi
    # the abuse limits are off: the load sends deliberate failures from one address and would lock itself out
    # (AbuseLimitsTest proves the limits; this script proves outages)
    (
        cd "$ROOT/bootstrap/target/quarkus-app"
        export QUARKUS_HTTP_PORT="$PORT" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" \
            QUARKUS_DATASOURCE_USERNAME=postgres \
            TOLLGATE_MASTER_KEY="$(head -c 32 /dev/urandom | base64 -w0)" \
            TOLLGATE_PUBLIC_URL="$BASE_URL" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
            TOLLGATE_PASSWORD_BCRYPT_COST="${PG_OUTAGE_BCRYPT_COST:-4}" \
            TOLLGATE_ABUSE_FAILED_LOGINS_ENABLED=false \
            TOLLGATE_ABUSE_FAILED_CLIENT_AUTHS_ENABLED=false \
            TOLLGATE_ABUSE_FAILURES_PER_SOURCE_ENABLED=false \
            TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED=false \
            TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED=false
        # shellcheck disable=SC2086
        exec "$JAVA_HOME/bin/java" ${PG_OUTAGE_JAVA_OPTS:--Xmx256m} -jar quarkus-run.jar
    ) >> "$logfile" 2>&1 &
    SERVICE_PID=$!
    local i
    for (( i = 0; i < 1200; i++ )); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/q/health/ready" 2>/dev/null)" = 200 ] && return 0
        kill -0 "$SERVICE_PID" 2>/dev/null || die "the service exited at start: $(tail -5 "$logfile")"
        nap 0.1
    done
    die "the service was not ready within 120 s: $(tail -5 "$logfile")"
}

service_stop() {
    stop_pid "$SERVICE_PID" 30
    SERVICE_PID=""
}

# admin_post <path> <json>: prints the response body; dies on anything but 201.
admin_post() {
    local out status
    out=$(curl -s -w '\n%{http_code}' -X POST "$BASE_URL$1" -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' -d "$2")
    status=${out##*$'\n'}
    [ "$status" = 200 ] || [ "$status" = 201 ] || die "POST $1 answered $status: ${out%$'\n'*}"
    echo "${out%$'\n'*}"
}

# A tenant reached by its Host, a client_credentials client, a password client and a user.
provision() {
    ADMIN_TOKEN=$(curl -sf -X POST "$BASE_URL/auth/realms/admin/protocol/openid-connect/token" \
        -u "$ADMIN_CLIENT_ID:$ADMIN_SECRET" --data-urlencode grant_type=client_credentials | jq -r .access_token) \
        || die "no admin token"
    USER_PASSWORD=$(random_secret 18)
    admin_post /admin/tenants "{\"slug\":\"$TENANT\",\"display_name\":\"outage\",\"domains\":[\"$HOST_NAME\"]}" >/dev/null
    CC_SECRET=$(admin_post "/admin/tenants/$TENANT/clients" \
        "{\"client_id\":\"$CC_ID\",\"name\":\"cached cc\",\"grant_types\":[\"client_credentials\"],\"scopes\":[\"orders:read\"]}" \
        | jq -r .client_secret)
    PW_SECRET=$(admin_post "/admin/tenants/$TENANT/clients" \
        "{\"client_id\":\"$PW_ID\",\"name\":\"password\",\"grant_types\":[\"password\",\"refresh_token\"]}" \
        | jq -r .client_secret)
    admin_post "/admin/tenants/$TENANT/users" \
        "{\"email\":\"$USER_EMAIL\",\"username\":\"$USER_NAME\",\"name\":\"Shopper\",\"password\":\"$USER_PASSWORD\",\"roles\":[\"newstore_admin\"]}" \
        >/dev/null
}
