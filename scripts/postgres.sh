# Sourced by .ci/run and bench/run: makes sure PostgreSQL answers on 127.0.0.1:5432, starting Debian's clusters or
# installing the `postgresql` package when needed (as root, or with sudo), with trust for local TCP connections as
# our machines have it (user postgres, no password).

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "Needs root for: $* (run as root or install sudo)" >&2
        return 1
    fi
}

pg_answers() {
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}

start_clusters() {
    for version in $(ls /etc/postgresql 2>/dev/null); do
        for cluster in $(ls "/etc/postgresql/$version"); do
            as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
        done
    done
}

trust_local_tcp() {
    # a fresh Debian cluster asks for passwords on TCP; the tests connect as postgres without one, like our machines
    for hba in /etc/postgresql/*/*/pg_hba.conf; do
        if ! as_root grep -qE '^host\s+all\s+all\s+127\.0\.0\.1/32\s+trust' "$hba"; then
            as_root sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
        fi
    done
}

# Returns 0 when PostgreSQL answers on 127.0.0.1:5432 (possibly after starting or installing it), 1 otherwise.
ensure_postgres() {
    if pg_answers; then
        return 0
    fi
    echo "PostgreSQL does not answer on 127.0.0.1:5432: starting it"
    if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
        echo "Installing PostgreSQL from Debian packages"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql || return 1
        trust_local_tcp
    fi
    start_clusters
    for _ in $(seq 1 60); do
        pg_answers && return 0
        sleep 1
    done
    echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2
    return 1
}
