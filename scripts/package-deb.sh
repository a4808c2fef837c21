#!/usr/bin/env bash
# Builds the Debian package target/release/bundle/deb/Brief_<version>_amd64.deb: the desktop app,
# the `brief` command, the libtorch libraries (in /usr/lib/brief, found through the binaries'
# RUNPATH) and the models (in /usr/lib/brief/models), a desktop entry that opens text
# files, copyright and changelog. Then checks it with lintian.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

# The binaries look for libtorch in the package's private folder only.
export BRIEF_LIB_DIR=/usr/lib/brief

stage=target/deb-stage
rm -rf "$stage"
mkdir -p "$stage/lib/models"
for so in libtorch_cpu.so libc10.so libgomp-a34b3233.so.1 libcudart.so.12 libcupti.so.12; do
  cp -L ".deps/libtorch/lib/$so" "$stage/lib/$so"
done
strip --strip-unneeded "$stage"/lib/*.so*
chmod 0644 "$stage"/lib/*.so*
cp -r models/all-minilm-l6-v2 models/qwen2.5-coder-1.5b-instruct "$stage/lib/models/"
printf 'brief (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- Brief developers <brief-developers@brief-app.org>  %s\n' \
  "$version" "$version" "$(date -R -u -d @"$(git log -1 --format=%ct)")" | gzip -9n > "$stage/changelog.gz"

cargo build --release -p brief-core --bin brief
ui/node_modules/.bin/tauri build --no-bundle --config src-tauri/tauri.deb.conf.json
strip target/release/brief target/release/brief-app
ui/node_modules/.bin/tauri bundle --bundles deb --config src-tauri/tauri.deb.conf.json

deb="target/release/bundle/deb/Brief_${version}_amd64.deb"
echo "package: $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
if command -v lintian >/dev/null; then
  lintian --fail-on error "$deb"
fi
