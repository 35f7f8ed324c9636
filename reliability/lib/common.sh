# reliability/*: logging, clocks and process helpers. Sourced, not run.

# bench/run's helpers (now_us, nap, stop_pid, /proc readers), with this script's name in the log lines
. "$(dirname "${BASH_SOURCE[0]}")/../../bench/lib/common.sh"
log() { printf '[%s %s] %s\n' "${RELIABILITY_NAME:-reliability}" "$(date +%H:%M:%S)" "$*" >&2; }

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

# A random secret of URL-safe characters ($1 bytes of entropy, default 32).
random_secret() { head -c "${1:-32}" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='; }

# Sleeps until the given time (microseconds since the epoch); returns at once when it has passed.
nap_until() {
    local left=$(( $1 - $(now_us) ))
    [ "$left" -gt 0 ] || return 0
    nap "$(printf '%d.%06d' $(( left / 1000000 )) $(( left % 1000000 )))"
}
