#!/usr/bin/env bash
# The Debian package end to end: build it with CPack, check its dependencies and contents,
# validate the desktop entry and the AppStream metainfo, install it with apt-get, run
# `basin-cli --version` and `basin-cli demo` from the installed location, remove it again.
# Needs root (or password-less sudo): CI runs it as root.
# Usage: test_package.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo -n true 2>/dev/null || { echo "test_package: needs root or password-less sudo" >&2; exit 1; }
  sudo="sudo -n"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "test_package: $*" >&2; exit 1; }

cd "$build"
rm -f basin_*.deb
cpack -G DEB >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$build"/basin_*_amd64.deb)"
echo "package   $deb ($(du -h "$deb" | cut -f1))"

depends="$(dpkg-deb -f "$deb" Depends)"
echo "depends   $depends"
for lib in libqt6widgets6 libqt6openglwidgets6 libvtk9.1 libhdf5; do
  grep -q "$lib" <<<"$depends" || fail "Depends lacks $lib"
done
grep -q "libqt5" <<<"$depends" && fail "Depends names Qt5: $depends"

dpkg-deb -x "$deb" "$work/root"
for f in usr/bin/basin usr/bin/basin-cli \
  usr/share/applications/org.basinproject.Basin.desktop \
  usr/share/metainfo/org.basinproject.Basin.metainfo.xml \
  usr/share/icons/hicolor/scalable/apps/org.basinproject.Basin.svg \
  usr/share/icons/hicolor/48x48/apps/org.basinproject.Basin.png \
  usr/share/man/man1/basin.1 usr/share/man/man1/basin-cli.1 \
  usr/share/basin/demo/resnet20-mnist.h5 usr/share/basin/demo/resnet20_noshort-mnist.h5 \
  usr/share/basin/demo/surfaces/resnet20.h5 usr/share/basin/demo/mnist/t10k-images-idx3-ubyte.gz; do
  [ -e "$work/root/$f" ] || fail "the package lacks /$f"
done
desktop-file-validate "$work/root/usr/share/applications/org.basinproject.Basin.desktop"
appstreamcli validate --no-net --pedantic \
  "$work/root/usr/share/metainfo/org.basinproject.Basin.metainfo.xml" >"$work/as.log" 2>&1 ||
  { cat "$work/as.log"; fail "appstreamcli validate failed"; }

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -qq --no-install-recommends "$deb" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log"; fail "apt-get install failed"; }
trap '$sudo apt-get remove -y -qq basin >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
[ "$(command -v basin-cli)" = /usr/bin/basin-cli ] || fail "basin-cli is not /usr/bin/basin-cli"
version="$(env -u BASIN_RESOURCES /usr/bin/basin-cli --version)"
[ "$version" = "$(dpkg-deb -f "$deb" Version)" ] || fail "--version says '$version'"
echo "version   $version"
cd "$work"
env -u BASIN_RESOURCES xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/basin-cli demo --out demo |
  tee demo.log
for f in plain_vs_skip_3d.png resnet20_trajectory.png resnet20_trajectory.svg; do
  [ -s "demo/$f" ] || fail "basin-cli demo did not write $f"
done
grep -q "/usr/share/basin/demo" <(env -u BASIN_RESOURCES /usr/bin/basin-cli eval) ||
  fail "the installed basin-cli does not use the installed demo"
echo "test_package: ok"
