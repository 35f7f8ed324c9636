# bench/run: the database and what the scenarios need, created through the admin API (docs/admin-api.md). Sourced.

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

# Drops and recreates the throwaway database.
recreate_database() {
    psql_admin -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null
    psql_admin -c "CREATE DATABASE \"$DB\"" >/dev/null
}

# "transactions scans rows_written" of the bench database so far (PostgreSQL's cumulative statistics, flushed by
# the backends at most once a second): their deltas over a run, per request, show the database work of a request.
pg_db_stats() {
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAt -F ' ' -c "
        SELECT (SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()),
               (SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) FROM pg_stat_user_tables),
               (SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_user_tables)" 2>/dev/null \
        || echo "0 0 0"
}

pg_version() { psql_admin -c "SHOW server_version" 2>/dev/null || echo "unknown"; }

# The bcrypt cost the service actually used: the cost field of the bench user's stored hash ($2a$12$…).
stored_bcrypt_cost() {
    psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAt \
        -c "SELECT substring(password_hash from 5 for 2) FROM tenant_user WHERE email = '$USER_EMAIL'" 2>/dev/null | head -1 || true
}

# base64(urlencode(id) ":" urlencode(secret)), RFC 6749 §2.3.1 (our ids and secrets need no encoding).
basic() { printf '%s:%s' "$1" "$2" | base64 -w0; }

ADMIN_TOKEN=""
admin_token() {
    ADMIN_TOKEN=$(curl -sf -X POST "$BASE_URL/auth/realms/admin/protocol/openid-connect/token" \
        -u "$ADMIN_CLIENT_ID:$ADMIN_SECRET" --data-urlencode grant_type=client_credentials | jq -r .access_token) \
        || die "no admin token from $BASE_URL/auth/realms/admin (see $SERVICE_LOG)"
}

# admin POST <path> <json>: prints the response body; dies on anything but 201.
admin_post() {
    local out status
    out=$(curl -s -w '\n%{http_code}' -X POST "$BASE_URL$1" -H "Authorization: Bearer $ADMIN_TOKEN" \
        -H 'Content-Type: application/json' -d "$2")
    status=${out##*$'\n'}
    [ "$status" = 201 ] || die "POST $1 answered $status: ${out%$'\n'*}"
    echo "${out%$'\n'*}"
}

# Two tenants (RS256, ES256), their clients and a user; secrets are shown once, kept in $WORK/provisioned.env.
provision() {
    admin_token
    admin_post /admin/tenants "{\"slug\":\"$TENANT_RS\",\"display_name\":\"bench RS256\",\"signing_algorithm\":\"RS256\"}" >/dev/null
    admin_post /admin/tenants "{\"slug\":\"$TENANT_ES\",\"display_name\":\"bench ES256\",\"signing_algorithm\":\"ES256\"}" >/dev/null
    local scopes='"scopes":["orders:read","orders:write"]'
    CC_RS_SECRET=$(admin_post "/admin/tenants/$TENANT_RS/clients" \
        "{\"client_id\":\"$CC_RS_ID\",\"name\":\"bench cc RS256\",\"grant_types\":[\"client_credentials\"],$scopes}" | jq -r .client_secret)
    RS_API_SECRET=$(admin_post "/admin/tenants/$TENANT_RS/clients" \
        "{\"client_id\":\"$RS_API_ID\",\"name\":\"bench resource server\",\"grant_types\":[\"client_credentials\"]}" | jq -r .client_secret)
    CC_ES_SECRET=$(admin_post "/admin/tenants/$TENANT_ES/clients" \
        "{\"client_id\":\"$CC_ES_ID\",\"name\":\"bench cc ES256\",\"grant_types\":[\"client_credentials\"],$scopes}" | jq -r .client_secret)
    PW_SECRET=$(admin_post "/admin/tenants/$TENANT_ES/clients" \
        "{\"client_id\":\"$PW_ID\",\"name\":\"bench password\",\"grant_types\":[\"password\",\"refresh_token\"]}" | jq -r .client_secret)
    WEB_SECRET=$(admin_post "/admin/tenants/$TENANT_ES/clients" \
        "{\"client_id\":\"$WEB_ID\",\"name\":\"bench web app\",\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"redirect_uris\":[\"$REDIRECT_URI\"]}" | jq -r .client_secret)
    admin_post "/admin/tenants/$TENANT_ES/users" \
        "{\"email\":\"$USER_EMAIL\",\"name\":\"Bench User\",\"password\":\"$USER_PASSWORD\"}" >/dev/null

    # an access token of the RS256 tenant for the introspection scenario
    INTROSPECT_TOKEN=$(curl -sf -X POST "$BASE_URL/auth/realms/$TENANT_RS/protocol/openid-connect/token" \
        --data-urlencode grant_type=client_credentials --data-urlencode "client_id=$CC_RS_ID" \
        --data-urlencode "client_secret=$CC_RS_SECRET" | jq -r .access_token)
    [ -n "$INTROSPECT_TOKEN" ] && [ "$INTROSPECT_TOKEN" != null ] || die "no access token for the introspection scenario"

    cat > "$WORK/provisioned.env" <<EOF
# written by bench/run $(date -Is): the throwaway bench database's clients (never reuse elsewhere)
BASE_URL=$BASE_URL
ADMIN_CLIENT_ID=$ADMIN_CLIENT_ID ADMIN_SECRET=$ADMIN_SECRET
TENANT_RS=$TENANT_RS TENANT_ES=$TENANT_ES
CC_RS_ID=$CC_RS_ID CC_RS_SECRET=$CC_RS_SECRET
CC_ES_ID=$CC_ES_ID CC_ES_SECRET=$CC_ES_SECRET
RS_API_ID=$RS_API_ID RS_API_SECRET=$RS_API_SECRET
PW_ID=$PW_ID PW_SECRET=$PW_SECRET
WEB_ID=$WEB_ID WEB_SECRET=$WEB_SECRET REDIRECT_URI=$REDIRECT_URI
USER_EMAIL=$USER_EMAIL USER_PASSWORD='$USER_PASSWORD'
EOF
}

# The authorization request of the authcode scenario (path and query): the confidential client names the user.
authorize_path() {
    local redirect email
    redirect=$(jq -rn --arg v "$REDIRECT_URI" '$v|@uri')
    email=$(jq -rn --arg v "$USER_EMAIL" '$v|@uri')
    echo "/auth/realms/$TENANT_ES/protocol/openid-connect/auth?response_type=code&client_id=$WEB_ID&redirect_uri=$redirect&email=$email&state=bench"
}

# Appends $2 fresh refresh tokens of the web client to file $1: authorize (302 with the code) then exchange.
issue_refresh_tokens() {
    local file=$1 count=$2 i location code token
    local path; path=$(authorize_path)
    for (( i = 0; i < count; i++ )); do
        location=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE_URL$path")
        code=${location#*code=}; code=${code%%&*}
        [ -n "$code" ] && [ "$code" != "$location" ] || die "authorization request gave no code (Location: $location)"
        token=$(curl -s -X POST "$BASE_URL/auth/realms/$TENANT_ES/protocol/openid-connect/token" -u "$WEB_ID:$WEB_SECRET" \
            --data-urlencode grant_type=authorization_code --data-urlencode "code=$code" \
            --data-urlencode "redirect_uri=$REDIRECT_URI" | jq -r .refresh_token)
        [ -n "$token" ] && [ "$token" != null ] || die "code exchange gave no refresh token"
        echo "$token" >> "$file"
    done
}
