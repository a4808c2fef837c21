#!/usr/bin/env bash
# Installs the web UI's npm packages (from package-lock.json) and builds it into ui/dist, which
# the desktop app embeds at compile time. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/../ui"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ui: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent build >/dev/null
echo "ui: built into ui/dist"
