#!/usr/bin/env bash
# Installs everything Brief needs to build and run: Debian packages, a CPU-only libtorch, the
# models (sha256-verified), the web UI. Safe to run twice; each step skips what is in place.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-packages.sh
scripts/libtorch.sh
python3 scripts/fetch_models.py
scripts/ui.sh
