#!/bin/bash
# Clean build of llbench with llama.cpp CPU flags that work on this VM (no AVX-512/AMX).
set -e
cd "$(dirname "$0")"
export GGML_NATIVE=OFF GGML_AVX2=ON GGML_AVX512=OFF GGML_AMX_TILE=OFF GGML_AMX_INT8=OFF GGML_AMX_BF16=OFF
[ "$1" = clean ] && cargo clean -q
echo "load before: $(cat /proc/loadavg)"
/usr/bin/time -f "wall=%e s  user=%U s  sys=%S s  maxrss=%M KB" nice -n 19 cargo build --release 2>&1 | tail -5
echo "load after: $(cat /proc/loadavg)"
