# Finds a Java 21+ runtime. Sourced by bin/hoso and by the repository's ./hoso, so both choose the same way.
# Candidates: $JAVA_HOME, the java on PATH, every JDK under /usr/lib/jvm and /opt; the newest major version wins.
# Prints the path of the java binary, or explains on stderr and returns 1.

hoso_java_major() {
    # $1: path to a java binary; prints its major version
    home=$(dirname "$(dirname "$(readlink -f "$1")")")
    if [ -f "$home/release" ]; then
        v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
        [ -n "$v" ] && { echo "$v"; return 0; }
    fi
    "$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1
}

hoso_find_java() {
    best=""; best_major=0
    for j in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java /opt/*/bin/java; do
        [ -n "$j" ] && [ -x "$j" ] || continue
        m=$(hoso_java_major "$j")
        case "$m" in ''|*[!0-9]*) continue ;; esac
        if [ "$m" -gt "$best_major" ]; then best="$j"; best_major=$m; fi
    done
    if [ "$best_major" -lt 21 ]; then
        echo "hoso: cần Java 21 trở lên / Java 21 or newer is required." >&2
        if [ -n "$best" ]; then
            echo "      newest found: Java $best_major at $best" >&2
        else
            echo "      no Java found (looked at \$JAVA_HOME, PATH, /usr/lib/jvm, /opt)" >&2
        fi
        echo "      Install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME." >&2
        return 1
    fi
    readlink -f "$best"
}
