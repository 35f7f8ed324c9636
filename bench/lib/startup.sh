# bench/run: start-up time and memory of each packaging. Sourced.
#
# Every variant runs the same application against the already provisioned bench database:
#   fast-jar        the packaged service as built (bootstrap/target/quarkus-app, or --jar)
#   appcds          the same jar with a dynamic AppCDS archive written at the exit of a training run
#                   (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile)
#   aot             the same jar with a JDK 25 AOT cache (JEP 483/514/515) from a training run
#                   (-XX:AOTCacheOutput, then -XX:AOTCache): loaded and linked classes plus method profiles
#   quarkus-appcds  Quarkus' own AppCDS build (quarkus.package.jar.aot.enabled=true; this project targets Java 21,
#                   so Quarkus picks AppCDS), archive created at build time by a run that stops after static init
#   quarkus-aot     Quarkus' aot-jar with an AOT cache created at build time (aot.type=AOT, aot.phase=BUILD)
#   native          a native executable, when GraalVM/Mandrel native-image is installed
# Training runs (appcds, aot) serve every scenario for --training seconds before they are stopped.
#
# Measured per start: microseconds from the fork of the JVM to the first 200 of a client_credentials token request
# (RS256 tenant; polled every 5 ms once the port accepts connections), RSS at that moment and 3 s later (idle).
# After the last start of a variant, cc-rs256-form at the highest concurrency for --variant-load seconds shows
# throughput and RSS right after start-up (JIT still warming up).

STARTUP_VARIANTS_ALL="fast-jar appcds aot quarkus-appcds quarkus-aot native"

# A Quarkus build of this source tree into bootstrap/target/<dir> with extra -D options, unless up to date.
quarkus_variant_build() {
    local dir=$1
    shift
    local marker="$ROOT/bootstrap/target/$dir/quarkus-run.jar"
    if [ -f "$marker" ] && [ -z "$(source_changes_since "$marker")" ]; then
        log "startup: bootstrap/target/$dir is up to date"
        return 0
    fi
    log "startup: building bootstrap/target/$dir ($*)"
    ( cd "$ROOT" && ./mvnw -B -q -ntp package -DskipTests -Dquarkus.package.output-directory="$dir" "$@" ) \
        > "$WORK/build-$dir.log" 2>&1 || { VARIANT_NOTE="build failed: $(first_lines 1 'ERROR' "$WORK/build-$dir.log")"; return 1; }
}

native_image() {
    local candidate
    for candidate in "${GRAALVM_HOME:-}/bin/native-image" "$JAVA_HOME/bin/native-image" "$(command -v native-image 2>/dev/null)"; do
        [ -n "$candidate" ] && [ -x "$candidate" ] && { echo "$candidate"; return 0; }
    done
    return 1
}

# A training run for appcds/aot: start with the given options, serve every scenario a little, stop (the JVM
# writes the archive or cache when it exits; the AOT cache is assembled by a child JVM, which takes a while).
training_run() {
    local variant=$1 artefact=$2
    shift 2
    local logfile="$WORK/service-training-$variant.log"
    rm -f "$artefact"
    log "startup: $variant training run (${TRAINING}s per scenario)"
    start_service "$APP_DIR" "$logfile" "$@"
    if ! wait_first_token 180; then
        stop_service 10
        VARIANT_NOTE="training run did not start: $(first_lines 1 '[Ee]rror|[Ee]xception' "$logfile")"
        return 1
    fi
    local s
    for s in $SCENARIOS; do
        run_load "$s" "$( [ "$s" = password ] && echo 2 || echo 8 )" "$TRAINING" training >/dev/null || true
    done
    local t0; t0=$(now_us)
    stop_service 600
    log "startup: $variant training run stopped; writing the archive took $(( ($(now_us) - t0) / 1000000 ))s"
    if [ ! -s "$artefact" ]; then
        VARIANT_NOTE="no archive written: $(first_lines 2 '\[(error|warning)\]\[(cds|aot)' "$logfile")"
        return 1
    fi
}

# measure_startup_variant <name>: prepares the variant, starts it --startup-repeats times, appends a line to
# $WORK/startup.tsv: variant status median_ms min_ms max_ms n rss_first_mb rss_idle_mb load_rps load_rss_max_mb note
measure_startup_variant() {
    local variant=$1 dir="$APP_DIR" native="" i
    local -a opts=()
    VARIANT_NOTE=""
    case "$variant" in
        fast-jar) ;;
        appcds)
            local jsa="$WORK/startup/appcds.jsa"
            if ! training_run appcds "$jsa" -XX:ArchiveClassesAtExit="$jsa"; then
                startup_row "$variant" failed; return 0
            fi
            opts=(-XX:SharedArchiveFile="$jsa")
            VARIANT_NOTE="archive $(du -m "$jsa" | cut -f1) MB" ;;
        aot)
            local aot="$WORK/startup/app.aot"
            if ! training_run aot "$aot" -XX:AOTCacheOutput="$aot"; then
                startup_row "$variant" failed; return 0
            fi
            opts=(-XX:AOTCache="$aot")
            VARIANT_NOTE="cache $(du -m "$aot" | cut -f1) MB" ;;
        quarkus-appcds|quarkus-aot)
            if [ "$JAR_GIVEN" = 1 ]; then
                VARIANT_NOTE="skipped: needs a Quarkus build of this source tree (--jar was given)"
                startup_row "$variant" skipped; return 0
            fi
            if [ "$variant" = quarkus-appcds ]; then
                quarkus_variant_build bench-quarkus-appcds -Dquarkus.package.jar.aot.enabled=true \
                    -Dquarkus.package.jar.aot.type=AppCDS || { startup_row "$variant" failed; return 0; }
                dir="$ROOT/bootstrap/target/bench-quarkus-appcds"
                [ -s "$dir/app-cds.jsa" ] || { VARIANT_NOTE="the build wrote no app-cds.jsa"; startup_row "$variant" failed; return 0; }
                opts=(-XX:SharedArchiveFile=app-cds.jsa)
                VARIANT_NOTE="archive $(du -m "$dir/app-cds.jsa" | cut -f1) MB, made at build time (static init only)"
            else
                quarkus_variant_build bench-quarkus-aot -Dquarkus.package.jar.aot.enabled=true \
                    -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD || { startup_row "$variant" failed; return 0; }
                dir="$ROOT/bootstrap/target/bench-quarkus-aot"
                [ -s "$dir/app.aot" ] || { VARIANT_NOTE="the build wrote no app.aot"; startup_row "$variant" failed; return 0; }
                opts=(-XX:AOTCache=app.aot)
                VARIANT_NOTE="cache $(du -m "$dir/app.aot" | cut -f1) MB, made at build time (static init only)"
            fi ;;
        native)
            local ni
            if ! ni=$(native_image); then
                VARIANT_NOTE="not available: no GraalVM/Mandrel native-image on this machine"
                startup_row "$variant" "not available"; return 0
            fi
            if [ "$JAR_GIVEN" = 1 ]; then
                VARIANT_NOTE="skipped: needs a build of this source tree (--jar was given)"
                startup_row "$variant" skipped; return 0
            fi
            # not exercised on the reference machine (no native-image there)
            GRAALVM_HOME=${GRAALVM_HOME:-$(dirname "$(dirname "$ni")")} quarkus_variant_build bench-native \
                -Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false || { startup_row "$variant" failed; return 0; }
            native=$(ls "$ROOT"/bootstrap/target/bench-native/*-runner 2>/dev/null | head -1 || true)
            [ -x "$native" ] || { VARIANT_NOTE="the build wrote no *-runner executable"; startup_row "$variant" failed; return 0; }
            VARIANT_NOTE="$(basename "$native")" ;;
        *) die "unknown start-up variant $variant (known: $STARTUP_VARIANTS_ALL)" ;;
    esac

    local logfile="$WORK/service-startup-$variant.log" starts=() firsts=() idles=()
    for (( i = 1; i <= STARTUP_REPEATS; i++ )); do
        wait_quiet "$WAIT_QUIET_STARTUP" 0 >/dev/null
        if [ -n "$native" ]; then
            start_native "$native" "$logfile"
        else
            start_service "$dir" "$logfile" "${opts[@]}"
        fi
        if ! wait_first_token 180; then
            stop_service 10
            VARIANT_NOTE="no token within 180 s: $(first_lines 1 '[Ee]rror|[Ee]xception' "$logfile")"
            startup_row "$variant" failed; return 0
        fi
        starts+=("$FIRST_TOKEN_MS")
        firsts+=("$(proc_rss_kb "$SERVICE_PID")")
        nap 3
        idles+=("$(proc_rss_kb "$SERVICE_PID")")
        log "startup: $variant #$i: first token after ${FIRST_TOKEN_MS} ms, RSS $(( firsts[-1] / 1024 )) MB, idle $(( idles[-1] / 1024 )) MB"
        if [ "$i" -eq "$STARTUP_REPEATS" ] && [ "$VARIANT_LOAD" -gt 0 ]; then
            local top; top=$(for c in $CONNECTIONS; do echo "$c"; done | sort -n | tail -1)
            if run_load cc-rs256-form "$top" "$VARIANT_LOAD" "variant-$variant"; then
                LOAD_RPS=$(echo "$RESULT" | cut -f3) LOAD_RSS=$(echo "$RESULT" | cut -f12)
            fi
        fi
        stop_service 30
    done
    local warnings
    warnings=$({ grep -hE '\[(warning|error)\]\[(cds|aot)' "$logfile" || true; } | sort | uniq -c | sort -rn | head -2 \
        | sed 's/^ *//' | tr '\n' ';' | cut -c1-300)
    [ -n "$warnings" ] && VARIANT_NOTE="$VARIANT_NOTE; JVM said: $warnings"
    STARTUP_TIMES=$(printf '%s\n' "${starts[@]}")
    STARTUP_FIRST=$(printf '%s\n' "${firsts[@]}" | median)
    STARTUP_IDLE=$(printf '%s\n' "${idles[@]}" | median)
    startup_row "$variant" ok
}

startup_row() {
    local variant=$1 status=$2
    if [ "$status" = ok ]; then
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$variant" ok \
            "$(echo "$STARTUP_TIMES" | median)" "$(echo "$STARTUP_TIMES" | sort -n | head -1)" \
            "$(echo "$STARTUP_TIMES" | sort -n | tail -1)" "$(echo "$STARTUP_TIMES" | grep -c .)" \
            "$(( STARTUP_FIRST / 1024 ))" "$(( STARTUP_IDLE / 1024 ))" "${LOAD_RPS:--}" "${LOAD_RSS:--}" \
            "$(echo "$STARTUP_TIMES" | tr '\n' ' ' | sed 's/ $//')" "$VARIANT_NOTE" >> "$WORK/startup.tsv"
    else
        printf '%s\t%s\t-\t-\t-\t0\t-\t-\t-\t-\t-\t%s\n' "$variant" "$status" "$VARIANT_NOTE" >> "$WORK/startup.tsv"
    fi
    LOAD_RPS="" LOAD_RSS=""
    log "startup: $variant: $status${VARIANT_NOTE:+ ($VARIANT_NOTE)}"
}
