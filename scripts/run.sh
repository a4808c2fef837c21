#!/usr/bin/env bash
# Sets up Brief, builds it and opens the desktop app with the sample statement. Without a
# display, it says so and summarises the sample statement on the command line instead.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
sample=tests/fixtures/statement-lt-it-defence-2024-07-02.txt

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  cargo build --release -p brief-core --bin brief
  echo
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the desktop window can't open."
  echo "Summarising the sample statement on the command line instead:"
  echo
  exec target/release/brief summarize --format markdown "$sample"
fi
cargo build --release -p brief-app --features custom-protocol
exec target/release/brief-app "$sample"
