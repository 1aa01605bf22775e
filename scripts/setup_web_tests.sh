#!/usr/bin/env bash
# What the web tests need beyond the Python packages: Debian's chromium for the Playwright tests
# (tests/test_browser.py drives /usr/bin/chromium; `playwright install` is never run), and the
# test extra (playwright, schemathesis) in the project's virtualenv. Idempotent; run as root in CI.
set -euo pipefail
PYTHON="${PYTHON:-.venv/bin/python}"
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup_web_tests: chromium is not installed and this is not root: the browser tests will be skipped" >&2
  fi
fi
"$PYTHON" -m pip install -q "playwright>=1.40" "schemathesis>=4.0" "icalendar>=6.0"
