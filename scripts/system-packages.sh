#!/usr/bin/env bash
# Debian packages Brief needs to build, run and test. Safe to run twice: apt skips what is present.
set -euo pipefail

packages=(
  # build: C++ for torch-sys, Tauri's GTK/WebKit stack
  build-essential pkg-config libssl-dev
  # llama.cpp for the writing model: built from source by llama-cpp-sys-2 (CMake, bindgen)
  cmake clang libclang-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  # end-to-end tests and screenshots of the real window
  xvfb xauth webkit2gtk-driver xclip imagemagick fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
