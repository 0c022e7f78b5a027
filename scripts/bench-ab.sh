#!/usr/bin/env bash
# Two builds of wslogs on the same files, interleaved, for changes smaller than the host's drift.
#
# Usage: scripts/bench-ab.sh A.jar B.jar [PAIRS] [DIR]
#   PAIRS  rounds (default 8); odd rounds run A then B, even rounds B then A, so that a trend in the
#          host's speed weighs on both alike
#   DIR    the generated logs (default $BENCH_DIR or /tmp/wslogs-bench; scripts/bench-analyze.sh
#          makes them): DIR/access-extended.log and DIR/error.log
#
# Each run is `java -jar X analyze` with WSLOGS_THREAD_TIMES=1 (the CPU of every stage). Besides the
# wall and CPU times it prints, per jar, the median of each stage's CPU over the parse workers' CPU
# of the same run: when a change leaves the workers' code alone, that ratio cancels the drift
# (the host here moved by ± 25 % within minutes) and shows what the change did to the other stage.
# The reports of the two jars are compared too (they should be byte-identical).
set -euo pipefail
A=${1:?usage: bench-ab.sh A.jar B.jar [PAIRS] [DIR]}
B=${2:?usage: bench-ab.sh A.jar B.jar [PAIRS] [DIR]}
PAIRS=${3:-8}
DIR=${4:-${BENCH_DIR:-/tmp/wslogs-bench}}
ACCESS=$DIR/access-extended.log
ERROR=$DIR/error.log
[ -f "$ACCESS" ] && [ -f "$ERROR" ] || { echo "no $ACCESS or $ERROR (scripts/bench-analyze.sh generates them)" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
run() { # run NAME JAR: appends "NAME wall user seq workers error_reader" to $TMP/runs
    local name=$1 jar=$2
    cat "$ACCESS" "$ERROR" > /dev/null # this VM drops cached pages even with memory free: warm them before every run
    WSLOGS_THREAD_TIMES=1 /usr/bin/time -f "WALL %e %U" java -jar "$jar" analyze --no-progress -o "$TMP/report-$name.txt" \
        "$ACCESS" "$ERROR" > "$TMP/out" 2>&1 || true
    awk -v n="$name" '
        /^WALL/ { wall = $2; user = $3 }
        /sequencer/ { seq = $(NF - 2) }
        /parse workers/ { wk = $(NF - 2) }
        /read-1-error/ { er = $(NF - 2) }
        END { print n, wall, user, seq, wk, er }' "$TMP/out" | tee -a "$TMP/runs"
}

echo "A = $A, B = $B, $PAIRS pairs on $ACCESS + $ERROR"
echo "jar wall_s user_s sequencer_cpu workers_cpu error_reader_cpu"
for i in $(seq 1 "$PAIRS"); do
    if [ $((i % 2)) = 1 ]; then run A "$A"; run B "$B"; else run B "$B"; run A "$A"; fi
done
cmp -s "$TMP/report-A.txt" "$TMP/report-B.txt" && echo "reports: identical" || echo "reports: DIFFER"
awk '
    function median(arr, n,   i, j, t) {
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[j] < arr[i]) { t = arr[i]; arr[i] = arr[j]; arr[j] = t }
        return n % 2 ? arr[(n + 1) / 2] : (arr[n / 2] + arr[n / 2 + 1]) / 2
    }
    { k = $1; n[k]++; w[k, n[k]] = $2; u[k, n[k]] = $3; s[k, n[k]] = $4 / $5; e[k, n[k]] = $6 / $5 }
    END {
        for (k in n) {
            m = n[k]
            for (i = 1; i <= m; i++) { a1[i] = w[k, i]; a2[i] = u[k, i]; a3[i] = s[k, i]; a4[i] = e[k, i] }
            mw[k] = median(a1, m); mu[k] = median(a2, m); ms[k] = median(a3, m); me[k] = median(a4, m)
            printf "%s medians: wall %.2f s, user %.2f s, sequencer/workers %.3f, error reader/workers %.3f\n", k, mw[k], mu[k], ms[k], me[k]
        }
        if (("A" in n) && ("B" in n))
            printf "B/A: wall %.3f, user %.3f, sequencer/workers %.3f, error reader/workers %.3f\n", mw["B"] / mw["A"], mu["B"] / mu["A"], ms["B"] / ms["A"], me["B"] / me["A"]
    }' "$TMP/runs"
