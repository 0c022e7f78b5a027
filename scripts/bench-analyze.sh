#!/usr/bin/env bash
# `wslogs analyze` against the tools an operator could use instead, on the same files, in one run:
# wc -l, grep -c ' 101 ', GoAccess (Debian package) and the full analysis (parse, correlate,
# classify, report). Each command runs under /usr/bin/time -v (wall time, peak RSS) with the page
# cache warmed just before it; runs are interleaved so load from other processes hits every tool
# alike; the table shows medians.
#
# Usage: scripts/bench-analyze.sh [DIR]
#   DIR            where the generated logs live (default $BENCH_DIR or /tmp/wslogs-bench); they are
#                  generated there if missing (deterministic: dev.wslogs.bench.LogGenerator, seed 42)
#   LINES=10000000 access-log lines to generate (about 260 bytes each, plus the error.log)
#   RUNS=3         runs of each fast command; GOACCESS_RUNS=1 (GoAccess takes minutes on 10 M lines)
#   SKIP_BUILD=1   use target/wslogs.jar and target/test-classes as they are
#
# GoAccess reads the same extended-format access log through a custom --log-format that maps the
# combined part and $request_time and skips the rest ("%^"); it does no error-log correlation, and
# it writes its JSON report. wslogs also reads the error log. A last run prints wslogs' CPU by stage.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-${BENCH_DIR:-/tmp/wslogs-bench}}
LINES=${LINES:-10000000}
RUNS=${RUNS:-3}
GOACCESS_RUNS=${GOACCESS_RUNS:-1}
ACCESS=$DIR/access-extended.log
ERROR=$DIR/error.log
JAR=target/wslogs.jar

if [ "${SKIP_BUILD:-}" != 1 ]; then mvn -B -q -ntp -DskipTests package test-compile; fi
command -v goaccess >/dev/null || { echo "goaccess not installed (apt-get install -y goaccess)" >&2; exit 2; }

if [ ! -f "$ACCESS" ] || [ ! -f "$ERROR" ] || [ "$(cat "$DIR/.lines" 2>/dev/null)" != "$LINES" ]; then
    echo "generating $LINES lines into $DIR ..." >&2
    mkdir -p "$DIR"
    java -cp target/test-classes:$JAR dev.wslogs.bench.LogGenerator --lines "$LINES" --out "$DIR" --formats extended >&2
    echo "$LINES" > "$DIR/.lines"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
ACCESS_LINES=$(wc -l < "$ACCESS")
ERROR_LINES=$(wc -l < "$ERROR")
ACCESS_BYTES=$(stat -c %s "$ACCESS")
ERROR_BYTES=$(stat -c %s "$ERROR")
# The logs are read into the page cache before every measured run: this VM drops cached pages even
# with most of its memory free (fincore saw the 2.6 GB access log fall to a fifth cached within
# twelve minutes), so a command run after GoAccess's minutes would otherwise read part of its input from disk.
warm() { cat "$ACCESS" "$ERROR" > /dev/null; }

# measure NAME CMD... : one run under /usr/bin/time -v, appends "NAME seconds rss_kb" to $TMP/runs
measure() {
    local name=$1; shift
    warm
    /usr/bin/time -v -o "$TMP/time" "$@" > "$TMP/out" 2> "$TMP/err" || true
    awk -v n="$name" '
        /Elapsed \(wall clock\)/ { split($NF, t, ":"); s = (length(t) == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
        /Maximum resident set size/ { rss = $NF }
        END { print n, s, rss }' "$TMP/time" >> "$TMP/runs"
}

GOACCESS_FORMAT='%h %^[%d:%t %^] "%r" %s %b "%R" "%u" %T %^'
for run in $(seq 1 "$RUNS"); do
    echo "run $run/$RUNS ..." >&2
    measure "wc -l" wc -l "$ACCESS"
    measure "grep -c ' 101 '" grep -c ' 101 ' "$ACCESS"
    measure "wslogs analyze" java -jar $JAR analyze --no-progress -o "$TMP/report.txt" "$ACCESS" "$ERROR"
    measure "wslogs (small file)" java -jar $JAR analyze --no-progress -o "$TMP/small.txt" samples/access-extended.log samples/error-info.log
    if [ "$run" -le "$GOACCESS_RUNS" ]; then
        measure "goaccess" goaccess "$ACCESS" --log-format="$GOACCESS_FORMAT" --date-format=%d/%b/%Y --time-format=%H:%M:%S \
            --no-progress -o "$TMP/goaccess.json"
    fi
done

echo
echo "access log: $ACCESS ($ACCESS_LINES lines, $((ACCESS_BYTES / 1000000)) MB); error log: $ERROR ($ERROR_LINES lines, $((ERROR_BYTES / 1000000)) MB)"
echo "$(nproc) cores, $(java -version 2>&1 | head -1), $(goaccess --version | head -1), medians of $RUNS runs (goaccess: $GOACCESS_RUNS)"
echo
awk -v al="$ACCESS_LINES" -v ab="$ACCESS_BYTES" -v el="$ERROR_LINES" -v eb="$ERROR_BYTES" '
    function median(name,   n, i, j, t, a) {
        n = 0
        for (i = 1; i <= runs; i++) if (nm[i] == name) a[++n] = sec[i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n == 0 ? -1 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
    }
    function maxrss(name,   i, m) { m = 0; for (i = 1; i <= runs; i++) if (nm[i] == name && rss[i] > m) m = rss[i]; return m }
    {
        runs++
        nm[runs] = $1; for (i = 2; i < NF - 1; i++) nm[runs] = nm[runs] " " $i
        sec[runs] = $(NF - 1); rss[runs] = $NF
        if (!(nm[runs] in seen)) { seen[nm[runs]] = 1; order[++tools] = nm[runs] }
        if (nm[runs] == "wc -l") round++
        at[nm[runs], round] = sec[runs]; rounds = round
    }
    # the median over rounds of (this command / wslogs in the same round): the host speed drifts
    # by tens of percent within minutes here, and a pair measured back to back shares the drift
    function paired(name,   n, r, i, j, t, a) {
        n = 0
        for (r = 1; r <= rounds; r++) if (((name, r) in at) && (("wslogs analyze", r) in at)) a[++n] = at[name, r] / at["wslogs analyze", r]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
        return n == 0 ? -1 : (n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2)
    }
    END {
        w = median("wslogs analyze")
        printf "%-22s %9s %13s %9s %12s %s\n", "command", "median s", "lines/s", "MB/s", "peak RSS MB", "wslogs vs this"
        for (k = 1; k <= tools; k++) {
            n = order[k]; s = median(n)
            if (n ~ /small/) { printf "%-22s %9.2f %13s %9s %12.0f %s\n", n, s, "-", "-", maxrss(n) / 1024, "(samples/: 59 + 242 lines, JVM start included)"; continue }
            lines = al; bytes = ab
            if (n == "wslogs analyze") { lines = al + el; bytes = ab + eb }
            ratio = (n == "wslogs analyze") ? "-" : (s >= w ? sprintf("wslogs %.1f× faster", s / w) : sprintf("wslogs %.1f× slower", w / s))
            printf "%-22s %9.2f %13.0f %9.0f %12.0f %s\n", n, s, lines / s, bytes / s / 1e6, maxrss(n) / 1024, ratio
        }
        print ""
        print "paired, per round (the time of each command over the time of wslogs in the same round, median over rounds):"
        for (k = 1; k <= tools; k++) {
            n = order[k]
            if (n == "wslogs analyze" || n ~ /small/) continue
            p = paired(n)
            if (p < 0) continue
            r = (p >= 1) ? sprintf("wslogs %.1f× faster", p) : sprintf("wslogs %.1f× slower", 1 / p)
            printf "  %-20s %s\n", n, r
        }
        print ""
        print "every run, in the order run (seconds):"
        for (r = 1; r <= rounds; r++) {
            line = sprintf("  round %d:", r)
            for (k = 1; k <= tools; k++) if ((order[k], r) in at) line = line sprintf("  %s %.2f", order[k], at[order[k], r])
            print line
        }
        print ""
        print "lines/s and MB/s count what each command reads: wslogs reads the access and the error log."
    }' "$TMP/runs"

# Where wslogs' time goes: one more run that reports CPU per stage (sequencer, parse workers,
# readers, JIT compiler and GC threads; see WSLOGS_THREAD_TIMES in the README).
echo
echo "wslogs CPU by stage (one more run):"
# (analyze exits 1 when it found incidents, as it does here: that is not a failure of the benchmark)
warm
{ WSLOGS_THREAD_TIMES=1 java -jar $JAR analyze --no-progress -o "$TMP/report.txt" "$ACCESS" "$ERROR" || true; } 2>&1 >/dev/null | sed -n 's/^wslogs: /  /p'
