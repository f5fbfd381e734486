#!/usr/bin/env bash
# Surface speed: `basin-cli bench surface` against the reference's loop in PyTorch, plain and with
# glibc malloc tuned (performance.md), in one run. 1,000 MNIST test images as 3 x 32 x 32,
# GRID x GRID filter-normalized grid, batch 128, 2 threads. Prints seconds per point and ratios.
#
# Usage: tests/benchmarks/compare_surface.sh [BASIN_CLI] [GRID]   (env MODELS="resnet20 ...")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-$here/../../build/release/app/cli/basin-cli}"
grid="${2:-5}"
models="${MODELS:-resnet20 resnet20_noshort densenet_bc40}"
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
tuned=(MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=1073741824)

printf '%-18s %10s %10s %10s %9s %9s\n' model basin_s torch_s tuned_s vs_torch vs_tuned
for m in $models; do
  b=$("$cli" bench surface --arch "$m" --grid "$grid" --json | field median_seconds_per_point)
  t=$(/usr/bin/python3 "$here/surface_pytorch.py" --arch "$m" --grid "$grid" | field seconds_per_point)
  u=$(env "${tuned[@]}" /usr/bin/python3 "$here/surface_pytorch.py" --arch "$m" --grid "$grid" | field seconds_per_point)
  awk -v m="$m" -v b="$b" -v t="$t" -v u="$u" \
    'BEGIN {printf "%-18s %10.3f %10.3f %10.3f %8.2fx %8.2fx\n", m, b, t, u, t / b, u / b}'
done
