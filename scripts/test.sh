#!/usr/bin/env bash
# Sets up Brief and runs every test: formatting and lints, unit and integration tests with the
# real model.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace
