#!/bin/bash
# Clean build of cbench. Same x86 features as the llama.cpp build (AVX2/FMA/F16C/BMI2, no AVX-512).
set -e
cd "$(dirname "$0")"
export RUSTFLAGS="-C target-feature=+avx,+avx2,+fma,+f16c,+bmi2"
[ "$1" = clean ] && cargo clean -q
echo "load before: $(cat /proc/loadavg)"
/usr/bin/time -f "wall=%e s  user=%U s  sys=%S s  maxrss=%M KB" nice -n 19 cargo build --release 2>&1 | tail -5
echo "load after: $(cat /proc/loadavg)"
