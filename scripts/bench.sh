#!/usr/bin/env bash
# Benchmark: Brief's pipeline and the Python baseline side by side, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The baseline's own packages, in the venv that scripts/libtorch.sh made. Python's torch needs
# its CUDA dependencies to import (about 2 GB), which Brief itself never loads.
.deps/venv/bin/python -c 'import torch, transformers' 2>/dev/null ||
  .deps/venv/bin/pip install -q torch==2.4.0 transformers==4.44.2
cargo run --release -q -p brief-core --example bench
