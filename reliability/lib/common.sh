# reliability/*: logging, clocks and process helpers. Sourced, not run.

log() { printf '[%s %s] %s\n' "${RELIABILITY_NAME:-reliability}" "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Microseconds since the epoch, without a fork (bash 5's EPOCHREALTIME).
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# Sleeps a fraction of a second without forking (read with a timeout on a descriptor that never has data).
exec {RELIABILITY_SLEEP_FD}<> <(:)
nap() { read -r -t "$1" -u "$RELIABILITY_SLEEP_FD" _ || true; }

# A TCP port on 127.0.0.1 that nothing listens on, below the ephemeral range (32768 and up on Linux), where outgoing
# connections would otherwise take it between our pick and the bind.
free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 12000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    die "no free port found between 20000 and 32000"
}

# Threads of a process (0 when it is gone), from /proc/<pid>/status.
proc_threads() {
    local key value _
    while read -r key value _; do
        if [ "$key" = "Threads:" ]; then echo "$value"; return; fi
    done 2>/dev/null < "/proc/$1/status" || true
    echo 0
}

# Kills a process we started: TERM, then KILL after $2 seconds (default 20). Waits for it.
stop_pid() {
    local pid=$1 grace=${2:-20} i
    [ -n "$pid" ] || return 0
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM "$pid" 2>/dev/null || true
    for (( i = 0; i < grace * 10; i++ )); do
        kill -0 "$pid" 2>/dev/null || break
        nap 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "process $pid did not stop after ${grace}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
}

# A random secret of URL-safe characters ($1 bytes of entropy, default 32).
random_secret() { head -c "${1:-32}" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# Sleeps until the given time (microseconds since the epoch); returns at once when it has passed.
nap_until() {
    local left=$(( $1 - $(now_us) ))
    [ "$left" -gt 0 ] || return 0
    nap "$(printf '%d.%06d' $(( left / 1000000 )) $(( left % 1000000 )))"
}
