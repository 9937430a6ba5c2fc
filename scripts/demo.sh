#!/usr/bin/env bash
# Set up, then run the main job on the bundled demo article: ingest, reason, write the map,
# answer three competency questions. The store goes to ./argmap-store (or $ARGMAP_STORE).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
.venv/bin/argmap demo -o argmap-demo.html "$@"
