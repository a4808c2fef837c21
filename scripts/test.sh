#!/usr/bin/env bash
# Sets up Brief and runs every test: formatting and lints, the UI's unit tests, the Rust unit and
# integration tests with the real model, and the end-to-end tests of the real app under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
scripts/test-tools.sh

cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
(cd ui && npm run --silent typecheck && npm test --silent)
# The end-to-end tests drive the app binary, so build it before testing.
cargo build --workspace
cargo test --workspace
# A short fuzz run of file reading (decoding, HTML, DOCX, PDF, segmentation).
scripts/fuzz.sh 20
