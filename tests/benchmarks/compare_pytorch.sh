#!/usr/bin/env bash
# Basin vs PyTorch forward+loss throughput, measured in one run on this machine, interleaved
# and repeated so that machine noise hits both alike. Needs a built basin-cli and Debian's
# python3-torch. Prints medians of the repeats and the ratio Basin / PyTorch (eager and frozen).
#
# Usage: tests/benchmarks/compare_pytorch.sh [BASIN_CLI] [REPEATS]
#   default BASIN_CLI: build/release/app/cli/basin-cli, REPEATS: 3
#   env: MODELS="resnet20 resnet20_noshort densenet_bc40" BATCH=128 THREADS=2
#   A model tv:NAME is torchvision's NAME (10 classes), run by Basin from its ONNX export.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-$here/../../build/release/app/cli/basin-cli}"
repeats="${2:-3}"
models="${MODELS:-resnet20 resnet20_noshort densenet_bc40}"
batch="${BATCH:-128}"
threads="${THREADS:-2}"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

printf '%-18s %12s %12s %12s %8s %8s\n' model basin_img/s torch_img/s frozen_img/s ratio r_frozen
for m in $models; do
  b=(); t=(); f=()
  source=(--arch "$m")
  if [[ $m == tv:* ]]; then
    onnx="$tmp/${m#tv:}.onnx"
    /usr/bin/python3 "$here/bench_pytorch.py" --arch "$m" --batch 1 --iterations 1 --warmup 0 \
      --export "$onnx" > /dev/null 2>&1
    source=(--model "$onnx")
  fi
  for _ in $(seq "$repeats"); do
    b+=("$("$cli" bench "${source[@]}" --batch "$batch" --threads "$threads" --json | field images_per_second)")
    t+=("$(/usr/bin/python3 "$here/bench_pytorch.py" --arch "$m" --batch "$batch" --threads "$threads" | field images_per_second)")
    f+=("$(/usr/bin/python3 "$here/bench_pytorch.py" --arch "$m" --batch "$batch" --threads "$threads" --frozen | field images_per_second)")
  done
  bm=$(printf '%s\n' "${b[@]}" | median)
  tm=$(printf '%s\n' "${t[@]}" | median)
  fm=$(printf '%s\n' "${f[@]}" | median)
  awk -v m="$m" -v b="$bm" -v t="$tm" -v f="$fm" \
    'BEGIN {printf "%-18s %12.1f %12.1f %12.1f %7.2fx %7.2fx\n", m, b, t, f, b / t, b / f}'
done
