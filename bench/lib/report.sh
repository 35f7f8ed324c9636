# bench/run: the markdown report, from $WORK/*.tsv. Sourced.

md_scenarios() {
    echo "| scenario | conns | req/s | tokens/s | p50 ms | p99 ms | p99.9 ms | non-2xx/3xx (wrk) | unexpected (Lua) | socket errors | service CPU, cores (kernel %) | service RSS max / end (MB) | service threads (max) | PostgreSQL CPU | wrk CPU | other CPU |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    awk -F'\t' -v q="$BENCH_QUIET_CORES" '
        $3 == "FAILED" { printf "| %s | %s | failed | | | | | | | | | | | | | |\n", $1, $2; next }
        {
            flag = ($16 + 0 >= q + 0) ? " ⚠" : ""
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s (%s%%) | %s / %s | %s | %s | %s | %s%s |\n",
                $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $19, $12, $13, $20, $14, $15, $16, flag
        }' "$WORK/scenarios.tsv"
}

# The best tokens/s of a scenario over its concurrencies.
best_tokens() { awk -F'\t' -v s="$1" '$1 == s && $4 != "-" && $3 != "FAILED" { if ($4 + 0 > b) b = $4 + 0 } END { if (b == "") print ""; else print b }' "$WORK/scenarios.tsv" 2>/dev/null; }
scenario_field() { awk -F'\t' -v s="$1" -v c="$2" -v f="$3" '$1 == s && $2 == c { print $f }' "$WORK/scenarios.tsv" 2>/dev/null; }
ceiling() { awk -F'\t' -v n="$1" -v t="$2" '$1 == n && $2 == t { print $3 }' "$WORK/ceilings.tsv" 2>/dev/null; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) print "n/a"; else printf "%.0f%%", 100 * a / b }'; }

md_database() {
    echo "| scenario | conns | transactions / request | table scans (index + sequential) / request | rows written / request |"
    echo "| --- | ---: | ---: | ---: | ---: |"
    awk -F'\t' '$3 != "FAILED" && NF >= 23 { printf "| %s | %s | %s | %s | %s |\n", $1, $2, $21, $22, $23 }' "$WORK/scenarios.tsv"
}

md_ceilings() {
    echo "| ceiling | what | 1 thread (ops/s) | $NPROC threads (ops/s) |"
    echo "| --- | --- | ---: | ---: |"
    local name label
    for name in sign-rs256 sign-es256 bcrypt; do
        label=$(awk -F'\t' -v n="$name" '$1 == n { print $4; exit }' "$WORK/ceilings.tsv" 2>/dev/null | tr '_' ' ')
        [ -n "$label" ] || continue
        echo "| $name | $label | $(ceiling "$name" 1) | $(ceiling "$name" "$NPROC") |"
    done
}

md_targets() {
    local rs es pw rf rs_ceiling es_ceiling bc p99_es p99_rs non2xx rss_max startup_best
    rs=$(best_tokens cc-rs256-form); es=$(best_tokens cc-es256-form); pw=$(best_tokens password); rf=$(best_tokens refresh)
    rs_ceiling=$(ceiling sign-rs256 "$NPROC"); es_ceiling=$(ceiling sign-es256 "$NPROC"); bc=$(ceiling bcrypt "$NPROC")
    p99_rs=$(scenario_field cc-rs256-form 32 6); p99_es=$(scenario_field cc-es256-form 32 6)
    non2xx=$(awk -F'\t' '$3 != "FAILED" { s += $8 + $9 } END { print s + 0 }' "$WORK/scenarios.tsv" 2>/dev/null)
    rss_max=$(awk -F'\t' '$3 != "FAILED" && $12 + 0 > m { m = $12 + 0 } END { print m + 0 }' "$WORK/scenarios.tsv" 2>/dev/null)
    startup_best=$(awk -F'\t' '$2 == "ok" && $6 > 0 { if (b == "" || $3 + 0 < b) { b = $3 + 0; v = $1 } } END { if (b != "") print b " ms (" v ")" }' "$WORK/startup.tsv" 2>/dev/null)
    echo "| target (issue 7) | measured | |"
    echo "| --- | --- | --- |"
    echo "| client_credentials RS256 ≥ 70% of the RS256 signing ceiling | ${rs:-n/a} tokens/s = $(pct "$rs" "$rs_ceiling") of ${rs_ceiling:-n/a} | $(awk -v a="$rs" -v b="$rs_ceiling" 'BEGIN { print (a != "" && b != "" && a >= 0.7 * b) ? "met" : "not met" }') |"
    echo "| client_credentials ES256 ≥ 6,000 tokens/s | ${es:-n/a} tokens/s (ES256 signing ceiling ${es_ceiling:-n/a}) | $(awk -v a="$es" 'BEGIN { print (a != "" && a >= 6000) ? "met" : "not met" }') |"
    echo "| p99 ≤ 25 ms at concurrency 32 | RS256 ${p99_rs:-n/a} ms, ES256 ${p99_es:-n/a} ms | $(awk -v a="$p99_rs" -v b="$p99_es" 'BEGIN { print (a != "" && b != "" && a <= 25 && b <= 25) ? "met" : "not met" }') |"
    echo "| zero non-2xx | $non2xx non-2xx or unexpected responses in all measured runs | $([ "$non2xx" = 0 ] && echo met || echo "not met") |"
    echo "| password grant ≥ 80% of the password-hash ceiling | ${pw:-n/a} tokens/s = $(pct "$pw" "$bc") of ${bc:-n/a} | $(awk -v a="$pw" -v b="$bc" 'BEGIN { print (a != "" && b != "" && a >= 0.8 * b) ? "met" : "not met" }') |"
    echo "| refresh_token with rotation ≥ 1,000/s (ES256) | ${rf:-n/a} tokens/s | $(awk -v a="$rf" 'BEGIN { print (a != "" && a >= 1000) ? "met" : "not met" }') |"
    echo "| start-up to first token ≤ 1.0 s (best JVM packaging) | ${startup_best:-n/a} | $(awk -v a="${startup_best%% *}" 'BEGIN { print (a != "" && a <= 1000) ? "met" : "not met" }') |"
    echo "| RSS under load ≤ 250 MB | max ${rss_max} MB over the scenarios | $([ "${rss_max:-999}" -le 250 ] && echo met || echo "not met") |"
}

md_startup() {
    echo "| packaging | status | start → first token, median (min–max) ms | starts | RSS at first token (MB) | RSS idle 3 s later (MB) | cc-rs256-form right after start (req/s) | RSS max under that load (MB) | notes |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    awk -F'\t' '{
        if ($2 == "ok") printf "| %s | ok | %s (%s–%s) | %s | %s | %s | %s | %s | %sall starts: %s ms |\n", $1, $3, $4, $5, $6, $7, $8, $9, $10, ($12 == "" ? "" : $12 "; "), $11
        else printf "| %s | %s | | | | | | | %s |\n", $1, $2, $12
    }' "$WORK/startup.tsv"
}

md_profile() {
    [ -s "$WORK/profile-buckets.tsv" ] || return 0
    echo "JFR (\`settings=profile\`) on the service during an extra, unmeasured ${PROFILE_SECONDS}s run of \`$PROFILE\` at"
    echo "$PROFILE_CONNS connections ($(echo "$PROFILE_RESULT" | cut -f3) req/s while recording)."
    echo "Execution samples by what their stack was doing (first matching bucket, in the order of the summary in bench/lib/load.sh):"
    echo
    echo "| bucket | samples | share |"
    echo "| --- | ---: | ---: |"
    awk -F'\t' '$1 != "THREAD" { printf "| %s | %s | %s%% |\n", $1, $2, $3 }' "$WORK/profile-buckets.tsv"
    echo
    echo "By thread: $(awk -F'\t' '$1 == "THREAD" { printf "%s%s %s%%", sep, $2, $4; sep = ", " }' "$WORK/profile-buckets.tsv")."
    echo
    echo "Hot methods (\`jfr view hot-methods\`, top frames):"
    echo
    echo '```'
    sed -n '1,32p' "$WORK/profile-hot-methods.txt"
    echo '```'
}

write_report() {
    local out=$1
    {
        echo "# Tollgate benchmark: $(date -u +%Y-%m-%d) on $(hostname)"
        echo
        echo "Generated by \`bench/run\` ([docs/benchmarks.md](../../docs/benchmarks.md) explains the method)."
        echo
        echo "- command: \`$COMMAND_LINE\`"
        echo "- commit: \`$COMMIT\`$DIRTY_NOTE"
        echo "- started: $STARTED_AT, finished: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "- machine: $NPROC cores ($CPU_MODEL), $MEM_GB GiB RAM, $(uname -sr)"
        echo "- JDK: $JDK_VERSION ($JAVA_HOME)"
        echo "- PostgreSQL: $PG_VERSION on $PG_HOST:$PG_PORT, database \`$DB\` (dropped and recreated)"
        echo "- load generator: $WRK_VERSION, $WRK_THREADS threads, \`--latency\`, on the same machine"
        echo "- service: \`$SERVICE_JAR\`, JVM options \`$BENCH_JAVA_OPTS\` (BENCH_JAVA_OPTS), port $PORT"
        echo "- load average before: $LOAD_BEFORE; busy cores (5 s) before measuring: $BUSY_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
        echo "- scenarios: a warm-up round of ${GLOBAL_WARMUP}s per scenario first; then per scenario ${WARMUP}s warm-up at the highest concurrency and ${DURATION}s per concurrency ($CONNECTIONS; password at least 10 s)"
        echo "- bcrypt cost of the stored user password: ${BCRYPT_COST:-unknown}"
        echo
        echo "## Scenarios"
        echo
        echo "tokens/s counts successful token responses (authcode: code exchanges only; its req/s and latencies"
        echo "include the authorization requests). CPU in cores = CPU-seconds per second of wall time (2 = both cores"
        echo "busy); *other* is everything else on the machine meanwhile, ⚠ when ≥ $BENCH_QUIET_CORES (a disturbed run)."
        echo
        md_scenarios
        echo
        echo "### Database work per request"
        echo
        echo 'Deltas of the statistics of the bench database (`pg_stat_database`, `pg_stat_user_tables`) over'
        echo "each run, divided by the requests wrk completed (requests abandoned at the end make it slightly high)."
        echo
        md_database
        echo
        echo "## Ceilings (in process, no HTTP, same machine, same run)"
        echo
        if [ -s "$WORK/ceilings.tsv" ]; then
            md_ceilings
            echo
            echo "${CEILING_NOTE:-}"
        else
            echo "not measured (${CEILING_NOTE:-skipped})"
        fi
        echo
        echo "## Targets"
        echo
        md_targets
        echo
        echo "## Start-up"
        echo
        if [ -s "$WORK/startup.tsv" ]; then
            md_startup
        else
            echo "not measured (--no-startup)"
        fi
        echo
        if [ -s "$WORK/profile-buckets.tsv" ]; then
            echo "## Profile"
            echo
            md_profile
            echo
        fi
    } > "$out"
}
