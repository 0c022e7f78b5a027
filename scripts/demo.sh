#!/usr/bin/env bash
# Builds wslogs and analyzes the sample logs in samples/ (written by a real nginx, see samples/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends maven openjdk-17-jdk-headless >&2
fi
mvn -B -q -ntp -DskipTests package
set +e
java -jar target/wslogs.jar analyze samples/access-extended.log samples/error-info.log "$@"
code=$?
echo "(exit code $code: 0 = no incident, 1 = incidents found, 2 = bad input)" >&2
exit 0
