# reliability/*: a throwaway PostgreSQL cluster of our own, never the machine's shared server: initdb into a temporary
# folder (as the postgres user when we are root: PostgreSQL refuses to run as root), on its own port, TCP on loopback
# only. Sourced, not run. Sets PG_BIN, PG_DIR, PG_PORT; PG_FROZEN tells whether its processes are stopped (SIGSTOP).

PG_BIN="" PG_DIR="" PG_PORT="" PG_FROZEN=0 PG_RUN_AS=()

# The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin), or PG_OUTAGE_PG_BIN.
find_pg_bin() {
    if [ -n "${PG_OUTAGE_PG_BIN:-}" ]; then
        echo "$PG_OUTAGE_PG_BIN"
        return 0
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || return 1
    echo "$dir"
}

pg_as_owner() { "${PG_RUN_AS[@]}" "$@"; }

# cluster_create: initdb into a new temporary folder and start the server on a free port.
cluster_create() {
    PG_BIN=$(find_pg_bin) || die "no PostgreSQL binaries: install the postgresql package (Debian) or set PG_OUTAGE_PG_BIN"
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tollgate-pg-outage.XXXXXX")
    chmod 755 "$PG_DIR"
    if [ "$(id -u)" -eq 0 ]; then
        id -u postgres >/dev/null 2>&1 || die "running as root needs a postgres user to run PostgreSQL as"
        chown postgres "$PG_DIR"
        PG_RUN_AS=(runuser -u postgres --)
    fi
    PG_PORT=$(free_port)
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        > "$PG_DIR/initdb.log" 2>&1 || die "initdb failed: $(tail -5 "$PG_DIR/initdb.log")"
    cluster_start
}

cluster_start() {
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 start \
        -o "-p $PG_PORT -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=100" > /dev/null \
        || die "PostgreSQL did not start: $(tail -5 "$PG_DIR/postgres.log")"
}

# cluster_stop immediate|fast
cluster_stop() {
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m "$1" -w stop > /dev/null
}

# The postmaster and its children (backends, checkpointer, …), by process id from postmaster.pid.
cluster_pids() {
    local postmaster
    postmaster=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) || return 0
    [ -n "$postmaster" ] || return 0
    echo "$postmaster"
    ps -o pid= --ppid "$postmaster" 2>/dev/null || true
}

# A hung server (or a network that drops packets): every process stopped, connections open but never answered.
cluster_freeze() {
    local pid
    for pid in $(cluster_pids); do kill -STOP "$pid" 2>/dev/null || true; done
    PG_FROZEN=1
}

cluster_thaw() {
    local pid
    for pid in $(cluster_pids); do kill -CONT "$pid" 2>/dev/null || true; done
    PG_FROZEN=0
}

# Stops the cluster whatever its state and removes its folder.
cluster_destroy() {
    [ -n "$PG_DIR" ] || return 0
    [ "$PG_FROZEN" = 1 ] && cluster_thaw
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        cluster_stop immediate 2>/dev/null || true
    fi
    rm -rf "$PG_DIR"
    PG_DIR=""
}
