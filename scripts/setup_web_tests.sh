#!/usr/bin/env bash
# Debian's chromium for the Playwright tests (tests/test_browser.py drives /usr/bin/chromium;
# `playwright install` is never run). The Python side (playwright, schemathesis) is the `test`
# extra. Idempotent; installs as root (CI), and otherwise says that the browser tests will skip.
set -uo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "setup_web_tests: chromium is missing and this is not root: the browser tests will be skipped" >&2
  exit 0
fi
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
  echo "setup_web_tests: apt-get could not install chromium: the browser tests will be skipped" >&2
fi
exit 0
