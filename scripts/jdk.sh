# Sourced by ./run-demo and .ci/run: makes JAVA_HOME point to a JDK 21 or newer.
# Keeps a JAVA_HOME that is already good; otherwise tries `java` on the PATH, then /usr/lib/jvm and macOS JDKs.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

good_jdk() {
    [ -x "$1/bin/javac" ] && [ "$(java_major "$1")" -ge 21 ] 2>/dev/null
}

pick_jdk() {
    if [ -n "${JAVA_HOME:-}" ] && good_jdk "$JAVA_HOME"; then
        return 0
    fi
    local candidates=()
    if command -v javac >/dev/null 2>&1; then
        candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
    fi
    # newest first, preferring Temurin builds
    for dir in $(ls -d /usr/lib/jvm/temurin-* /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home 2>/dev/null | sort -r -V); do
        candidates+=("$dir")
    done
    for dir in "${candidates[@]}"; do
        if good_jdk "$dir"; then
            export JAVA_HOME="$dir"
            return 0
        fi
    done
    echo "No JDK 21 or newer found. Install one (e.g. Temurin 21+) and set JAVA_HOME." >&2
    return 1
}
