#!/usr/bin/env bash
# Java for the Spark engine's tests (tests/test_spark.py, `sukien batch --engine spark`): Debian's
# openjdk-17-jre-headless, installed only when no java is found. pyspark itself is the `spark`
# extra. Idempotent; installs as root (CI), and otherwise says that the Spark tests will skip.
set -uo pipefail
command -v java >/dev/null 2>&1 && exit 0
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "setup_spark: java is missing and this is not root: the Spark tests will be skipped" >&2
  exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }; then
  echo "setup_spark: apt-get could not install openjdk-17-jre-headless: the Spark tests will be skipped" >&2
fi
exit 0
