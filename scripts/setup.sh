#!/usr/bin/env bash
# Installs everything Brief needs to build, run and test: Debian packages, a CPU-only libtorch,
# the models (sha256-verified). Safe to run twice; each step skips what is already in place.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/system-packages.sh
scripts/libtorch.sh
python3 scripts/fetch_models.py
