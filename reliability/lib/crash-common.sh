# Shared by reliability/kill-9 and reliability/graceful-shutdown: the packaged service on a throwaway database of the
# machine's PostgreSQL, started and stopped by process id, and provisioned through the admin API. Sourced, not run.
#
# Expects: ROOT (the repository), PORT, DB, WORK (a private scratch folder), NAME (the script's name, for the log).
# Environment: CRASH_JAVA_OPTS (default "-Xmx256m"), CRASH_PG_HOST/PORT/USER (127.0.0.1/5432/postgres).

PG_HOST=${CRASH_PG_HOST:-127.0.0.1} PG_PORT=${CRASH_PG_PORT:-5432} PG_USER=${CRASH_PG_USER:-postgres}
CRASH_JAVA_OPTS=${CRASH_JAVA_OPTS:--Xmx256m}
BASE_URL="http://127.0.0.1:$PORT"
SERVICE_PID=""
SERVICE_LOG="$WORK/service.log"
ADMIN_CLIENT_ID=tollgate-admin
TENANT=crash

RELIABILITY_NAME=$NAME
. "$ROOT/reliability/lib/common.sh"

# Milliseconds since the epoch, without a fork.
now_ms() { local t=${EPOCHREALTIME/./}; echo $(( t / 1000 )); }

export PGOPTIONS="${PGOPTIONS:--c client_min_messages=warning}"
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -v ON_ERROR_STOP=1 -qAt "$@"; }

crash_require_tools() {
    local tool
    for tool in curl jq psql; do
        command -v "$tool" >/dev/null 2>&1 || die "$tool is needed (apt-get install curl jq postgresql-client)"
    done
    . "$ROOT/scripts/jdk.sh"
    pick_jdk || die "no JDK 21 or newer"
    psql_admin -c "SELECT 1" >/dev/null 2>&1 \
        || die "cannot connect to PostgreSQL at $PG_HOST:$PG_PORT as $PG_USER without a password (set CRASH_PG_*)"
}

# Builds bootstrap/target/quarkus-app when it is missing or older than a source file (skipped with BUILD=0).
crash_build() {
    APP_DIR="$ROOT/bootstrap/target/quarkus-app"
    local jar="$APP_DIR/quarkus-run.jar" changed=""
    if [ -f "$jar" ]; then
        changed=$(cd "$ROOT" && find pom.xml domain application adapters bootstrap/pom.xml bootstrap/src/main -newer "$jar" \
            -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) 2>/dev/null | head -1)
    fi
    if [ "${BUILD:-1}" = 1 ] && { [ ! -f "$jar" ] || [ -n "$changed" ]; }; then
        log "building the service (./mvnw -B -q -ntp -pl bootstrap -am package -DskipTests)"
        (cd "$ROOT" && ./mvnw -B -q -ntp -pl bootstrap -am package -DskipTests) > "$WORK/build.log" 2>&1 \
            || { tail -30 "$WORK/build.log" >&2; die "the build failed (log: $WORK/build.log)"; }
    fi
    [ -f "$jar" ] || die "no $jar (build it, or drop --no-build)"
}

crash_create_database() {
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null
    psql_admin -c "CREATE DATABASE \"$DB\"" >/dev/null
}

crash_drop_database() {
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1 || true
}

# Starts `java -jar quarkus-run.jar` (exec'd, so SERVICE_PID is the JVM itself) with the settings of README "Run";
# extra environment assignments may be passed as arguments (NAME=value …). The request rate limits are off: all the
# load comes from one address, and these scripts test durability, not the limits (AbuseLimitsTest does).
crash_start_service() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
        die "something already listens on 127.0.0.1:$PORT (choose another with --port)"
    fi
    echo "# $(date -Is) start: $JAVA_HOME/bin/java $CRASH_JAVA_OPTS -jar quarkus-run.jar $*" >> "$SERVICE_LOG"
    (
        cd "$APP_DIR"
        export QUARKUS_HTTP_PORT="$PORT" \
            QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
            QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
            TOLLGATE_MASTER_KEY="$MASTER_KEY" \
            TOLLGATE_PUBLIC_URL="$BASE_URL" \
            TOLLGATE_DEFAULT_TENANT="$TENANT" \
            TOLLGATE_PASSWORD_BCRYPT_COST=6 \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_ID="$ADMIN_CLIENT_ID" \
            TOLLGATE_BOOTSTRAP_ADMIN_CLIENT_SECRET="$ADMIN_SECRET" \
            TOLLGATE_ABUSE_REQUESTS_PER_CLIENT_ENABLED=false \
            TOLLGATE_ABUSE_REQUESTS_PER_SOURCE_ENABLED=false
        for assignment in "$@"; do
            export "${assignment?}"
        done
        # shellcheck disable=SC2086
        exec "$JAVA_HOME/bin/java" $CRASH_JAVA_OPTS -jar quarkus-run.jar
    ) >> "$SERVICE_LOG" 2>&1 &
    SERVICE_PID=$!
}

# The admin client's token: proves the service is up with its database and signing keys. Prints it.
crash_admin_token() {
    curl -sf --max-time 10 -X POST "$BASE_URL/auth/realms/admin/protocol/openid-connect/token" \
        -u "$ADMIN_CLIENT_ID:$ADMIN_SECRET" --data-urlencode grant_type=client_credentials 2>/dev/null \
        | jq -r '.access_token // empty'
}

# Waits (at most $1 seconds) until the service issues tokens; sets READY_MS (since SERVICE_START_MS).
crash_wait_ready() {
    local limit=$1 start token
    start=$(now_ms)
    while :; do
        token=$(crash_admin_token || true)
        if [ -n "$token" ]; then
            READY_MS=$(( $(now_ms) - start ))
            return 0
        fi
        kill -0 "$SERVICE_PID" 2>/dev/null || { log "the service exited (see $SERVICE_LOG)"; return 1; }
        [ $(( $(now_ms) - start )) -gt $(( limit * 1000 )) ] && { log "not ready after ${limit}s"; return 1; }
        sleep 0.2
    done
}

ADMIN_TOKEN=""
# admin <method> <path> [json]: prints the body; dies on a status other than 2xx.
admin() {
    local out status
    out=$(curl -s --max-time 30 -w '\n%{http_code}' -X "$1" "$BASE_URL$2" -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' ${3:+-d "$3"})
    status=${out##*$'\n'}
    case "$status" in 2??) ;; *) die "$1 $2 answered $status: ${out%$'\n'*}" ;; esac
    echo "${out%$'\n'*}"
}

# The tenant `crash` (the default tenant of unprefixed paths, v0 refresh tokens rotating), a password client, a
# web client (authorization code with PKCE through the login page) and a user; secrets go to $WORK/driver.properties
# (mode 600), read by the Java drivers.
crash_provision() {
    ADMIN_TOKEN=$(crash_admin_token) || die "no admin token"
    admin POST /admin/tenants "{\"slug\":\"$TENANT\",\"display_name\":\"reliability\",\"profile\":\"storefront\"}" >/dev/null
    admin PATCH "/admin/tenants/$TENANT" '{"v0_rotate_refresh_tokens":true}' >/dev/null
    PASSWORD_SECRET=$(admin POST "/admin/tenants/$TENANT/clients" \
        '{"client_id":"crash-password","name":"reliability password","grant_types":["password","refresh_token"]}' \
        | jq -r .client_secret)
    WEB_SECRET=$(admin POST "/admin/tenants/$TENANT/clients" \
        "{\"client_id\":\"crash-web\",\"name\":\"reliability web\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\"$REDIRECT_URI\"]}" \
        | jq -r .client_secret)
    admin POST "/admin/tenants/$TENANT/users" \
        "{\"email\":\"$USER_EMAIL\",\"username\":\"crash-user\",\"name\":\"Crash User\",\"password\":\"$USER_PASSWORD\"}" >/dev/null
    ( umask 077; cat > "$WORK/driver.properties" <<EOF
base_url=$BASE_URL
password_client_id=crash-password
password_client_secret=$PASSWORD_SECRET
web_client_id=crash-web
web_client_secret=$WEB_SECRET
redirect_uri=$REDIRECT_URI
username=$USER_EMAIL
password=$USER_PASSWORD
tenant=$TENANT
EOF
    )
}

REDIRECT_URI="https://app.reliability.test/callback"
USER_EMAIL="crash-user@reliability.test"

# Fresh secrets for a run (the database is thrown away afterwards).
crash_new_secrets() {
    MASTER_KEY=$(head -c 32 /dev/urandom | base64 -w0)
    ADMIN_SECRET=$(head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')
    USER_PASSWORD="P-$(head -c 16 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=')"
}
