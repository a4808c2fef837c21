#!/usr/bin/env bash
# Tools the end-to-end tests need besides the Debian packages: tauri-driver (WebDriver for Tauri
# apps, in front of WebKitWebDriver) and the UI's npm packages. Safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "test tools: installing tauri-driver 2.1.0 from crates.io"
  cargo install --locked tauri-driver@2.1.0
fi
echo "test tools: tauri-driver ready"
