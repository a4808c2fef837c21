#!/usr/bin/env bash
# CPU-only libtorch 2.4.0 for rust-bert (tch 0.17), taken from PyPI's torch wheel.
# The wheel is a CUDA build; linking libtorch_cpu alone (named libtorch.so) avoids the CUDA parts,
# which leaves two small CUDA runtime libraries that libtorch_cpu still loads.
# Result: .deps/libtorch/{include,lib} — the path .cargo/config.toml gives as LIBTORCH.
# Safe to run twice.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
deps="$root/.deps"
venv="$deps/venv"
lt="$deps/libtorch"

python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  echo "libtorch: creating Python venv in $venv"
  "$python" -m venv "$venv"
fi

site="$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
if [ ! -f "$site/torch/lib/libtorch_cpu.so" ]; then
  echo "libtorch: installing torch==2.4.0 (CPU parts used) from PyPI, about 800 MB"
  "$venv/bin/pip" install -q --no-deps torch==2.4.0 \
    nvidia-cuda-runtime-cu12==12.1.105 nvidia-cuda-cupti-cu12==12.1.105
fi

t="$site/torch"
mkdir -p "$lt/lib"
ln -sfn "$t/include" "$lt/include"
for so in libtorch_cpu.so libc10.so libgomp-a34b3233.so.1; do
  ln -sfn "$t/lib/$so" "$lt/lib/$so"
done
# torch-sys links -ltorch; pointing it at libtorch_cpu hides libtorch_cuda.
ln -sfn "$t/lib/libtorch_cpu.so" "$lt/lib/libtorch.so"
ln -sfn "$site/nvidia/cuda_runtime/lib/libcudart.so.12" "$lt/lib/libcudart.so.12"
ln -sfn "$site/nvidia/cuda_cupti/lib/libcupti.so.12" "$lt/lib/libcupti.so.12"

for f in "$lt"/lib/*; do
  [ -e "$f" ] || { echo "libtorch: broken link $f; delete $deps and run again" >&2; exit 1; }
done
echo "libtorch: ready in $lt"
