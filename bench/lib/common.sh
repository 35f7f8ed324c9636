# bench/run helpers: logging, clocks, process CPU and memory from /proc, medians. Sourced, not run.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

CLK_TCK=$(getconf CLK_TCK)

# Microseconds since the epoch, without a fork (bash 5's EPOCHREALTIME).
now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }

# Sleeps a fraction of a second without forking (read with a timeout on a descriptor that never has data).
exec {BENCH_SLEEP_FD}<> <(:)
nap() { read -r -t "$1" -u "$BENCH_SLEEP_FD" _ || true; }

# utime+stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat).
proc_ticks() {
    local stat
    read -r stat 2>/dev/null < "/proc/$1/stat" || { echo 0; return; }
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo $(( ${12} + ${13} ))
}

# "utime stime" of a process, in clock ticks.
proc_ticks_split() {
    local stat
    read -r stat 2>/dev/null < "/proc/$1/stat" || { echo "0 0"; return; }
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo "${12} ${13}"
}

# "VmRSS-in-kB threads" of a process ("0 0" when it is gone).
proc_rss_threads() {
    local key value _ rss=0 threads=0
    while read -r key value _; do
        case "$key" in
            VmRSS:) rss=$value ;;
            Threads:) threads=$value ;;
        esac
    done 2>/dev/null < "/proc/$1/status" || true
    echo "$rss $threads"
}

# Resident set size in kB (VmRSS of /proc/<pid>/status), 0 when the process is gone.
proc_rss_kb() {
    local key value _
    while read -r key value _; do
        if [ "$key" = "VmRSS:" ]; then echo "$value"; return; fi
    done 2>/dev/null < "/proc/$1/status" || true
    echo 0
}

# CPU ticks of the PostgreSQL backends serving database $1 (their command line reads "postgres: … <db> …").
pg_ticks() {
    local db=$1 total=0 dir cmd
    for dir in /proc/[0-9]*; do
        cmd=""
        IFS= read -r -d '' cmd 2>/dev/null < "$dir/cmdline" || true
        case "$cmd" in
            "postgres: "*" $db "*) total=$(( total + $(proc_ticks "${dir#/proc/}") )) ;;
        esac
    done
    echo "$total"
}

# "busy total" ticks of all CPUs from /proc/stat (busy excludes idle and iowait).
system_ticks() {
    local _cpu user nice system idle iowait irq softirq steal _rest
    read -r _cpu user nice system idle iowait irq softirq steal _rest < /proc/stat
    local busy=$(( user + nice + system + irq + softirq + steal ))
    echo "$busy $(( busy + idle + iowait ))"
}

# Cores (CPU-seconds per second) from a tick delta over a duration in microseconds.
cores() { awk -v t="$1" -v us="$2" -v hz="$CLK_TCK" 'BEGIN { if (us <= 0) print "0.00"; else printf "%.2f", t / hz / (us / 1e6) }'; }

# Median of numbers on stdin, one a line.
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.0f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Value of key=value in a line of `KEY=VALUE …` pairs: kv "$line" p50_us
kv() { local line=" $1 " key=$2; line=${line#* "$key"=}; [ "$line" = " $1 " ] && { echo ""; return; }; echo "${line%% *}"; }

# Cores used by everything on the machine over the next $1 seconds.
busy_cores_over() {
    local before after t0 t1
    before=$(system_ticks); t0=$(now_us)
    sleep "$1"
    after=$(system_ticks); t1=$(now_us)
    cores $(( ${after%% *} - ${before%% *} )) $(( t1 - t0 ))
}

# Waits until the machine is quiet (other processes use less than BENCH_QUIET_CORES over 5 s), at most $1 seconds.
# $2: cores our own idle processes are expected to use (a running service). Prints the last measurement.
wait_quiet() {
    local limit=$1 own=${2:-0} waited=0 busy
    while :; do
        busy=$(busy_cores_over 5)
        if awk -v b="$busy" -v o="$own" -v q="$BENCH_QUIET_CORES" 'BEGIN { exit !(b - o < q) }'; then
            echo "$busy"; return 0
        fi
        waited=$(( waited + 5 ))
        if [ "$waited" -ge "$limit" ]; then
            [ "$limit" -gt 0 ] && log "machine still busy after ${limit}s (${busy} cores in use): measuring anyway, rows are flagged"
            echo "$busy"; return 0
        fi
        [ $(( waited % 30 )) -eq 5 ] && log "machine busy (${busy} cores in use by other processes): waiting for it to be quiet (up to ${limit}s)"
    done
}

# The first $1 lines of file $3 matching extended regex $2, on one line, cut to 300 characters; never fails.
first_lines() { { grep -m"$1" -E "$2" "$3" 2>/dev/null || true; } | tr '\n' ' ' | cut -c1-300; }

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
