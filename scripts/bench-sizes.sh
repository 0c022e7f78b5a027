#!/usr/bin/env bash
# `wslogs analyze` as an operator runs it (`java -jar`: the bounded child JVM, C1 alone up to 512 MB
# of input, tuned C2 above) against the same analysis in the first JVM (`WSLOGS_NO_REEXEC=1`: G1,
# no heap limit, the default tiered JIT), on generated logs of several sizes, page cache warm,
# runs interleaved; the table shows the median wall time and peak RSS of each.
#
# Usage: scripts/bench-sizes.sh [DIR]
#   DIR              where the generated logs go (default /tmp/wslogs-sizes); one sub-directory per size
#   SIZES="100000 300000 900000 2000000"   access-log lines (extended format, with their error.log)
#   RUNS=3           runs of each command per size
#   SKIP_BUILD=1     use target/wslogs.jar and target/test-classes as they are
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${1:-/tmp/wslogs-sizes}
SIZES=${SIZES:-100000 300000 900000 2000000}
RUNS=${RUNS:-3}
JAR=target/wslogs.jar
if [ "${SKIP_BUILD:-}" != 1 ]; then mvn -B -q -ntp -DskipTests package test-compile; fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# run NAME ENV... -- ARGS: one run under /usr/bin/time; prints "seconds rss_kb"
run() {
    /usr/bin/time -f "%e %M" -o "$TMP/time" env "$@" > /dev/null 2> "$TMP/err" || true
    tail -1 "$TMP/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

printf '| %-28s | %9s | %14s | %9s | %22s | %9s | %7s |\n' "input" "MB" "java -jar (s)" "RSS MB" "first JVM, in place (s)" "RSS MB" "ratio"
printf '|%s|\n' "------------------------------|-----------|----------------|-----------|------------------------|-----------|---------"
inputs=("samples/access-extended.log samples/error.log")
names=("samples/ (301 lines)")
for n in $SIZES; do
    d="$DIR/$n"
    if [ ! -f "$d/access-extended.log" ] || [ "$(cat "$d/.lines" 2>/dev/null)" != "$n" ]; then
        mkdir -p "$d"
        java -cp target/test-classes:$JAR dev.wslogs.bench.LogGenerator --lines "$n" --out "$d" --formats extended > /dev/null
        echo "$n" > "$d/.lines"
    fi
    inputs+=("$d/access-extended.log $d/error.log")
    names+=("$n lines")
done
for k in "${!inputs[@]}"; do
    read -r -a files <<< "${inputs[$k]}"
    cat "${files[@]}" > /dev/null
    bytes=$(stat -c %s "${files[@]}" | awk '{ s += $1 } END { print s }')
    : > "$TMP/a"; : > "$TMP/b"
    for r in $(seq 1 "$RUNS"); do
        run WSLOGS_X=1 java -jar "$JAR" analyze --no-progress "${files[@]}" >> "$TMP/a"
        run WSLOGS_NO_REEXEC=1 java -jar "$JAR" analyze --no-progress "${files[@]}" >> "$TMP/b"
    done
    a=$(cut -d' ' -f1 "$TMP/a" | median); ar=$(cut -d' ' -f2 "$TMP/a" | median)
    b=$(cut -d' ' -f1 "$TMP/b" | median); br=$(cut -d' ' -f2 "$TMP/b" | median)
    awk -v n="${names[$k]}" -v mb="$bytes" -v a="$a" -v ar="$ar" -v b="$b" -v br="$br" 'BEGIN {
        printf "| %-28s | %9.1f | %14.2f | %9.0f | %22.2f | %9.0f | %6.2f× |\n", n, mb / 1e6, a, ar / 1024, b, br / 1024, b / a }'
done
