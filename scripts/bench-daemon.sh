#!/usr/bin/env bash
# The daemon's budget: CPU and RSS at a steady log rate, and incident-to-metrics latency, with
# `tail -F` on the same files as the reference measured in the same run.
# Usage: scripts/bench-daemon.sh [lines_per_second=2000] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -DskipTests package test-compile
exec java -cp target/test-classes:target/wslogs.jar dev.wslogs.bench.DaemonBudget "${1:-2000}" "${2:-60}"
