#!/usr/bin/env bash
# Installs the Debian 12 packages Basin's build and tests need. Idempotent: when everything is
# already installed it only checks (well under a second). Run as root or with sudo available.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config dpkg-dev file desktop-file-utils appstream
  libeigen3-dev libopenblas-openmp-dev libhdf5-dev zlib1g-dev libzip-dev libonnx-dev libprotobuf-dev protobuf-compiler nlohmann-json3-dev libcli11-dev
  qt6-base-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  libvtk9-dev libcairo2-dev libpng-dev fonts-dejavu-core xvfb xauth libgl1-mesa-dri poppler-utils
  libopenmpi-dev openmpi-bin
  clang-14 libclang-rt-14-dev libomp-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
