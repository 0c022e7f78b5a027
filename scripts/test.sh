#!/usr/bin/env bash
# The whole test suite: unit tests (surefire) and the real-nginx integration tests (failsafe).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
exec mvn -B -ntp verify "$@"
