#!/usr/bin/env bash
# Set up (including Chromium for the browser tests), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh --browser
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
