#!/usr/bin/env bash
# Issue 18, item 10: the cost of opening a large `h5:` data set. Evaluates 1,000 samples of a
# 600 MB data set (contiguous, and chunked by 1,000 samples) and the same 1,000 samples in a file
# of their own, interleaved, 5 times each; prints the medians of wall time and peak RSS
# (/usr/bin/time) and the ratios. Goal: at most 1.2x the small file's time, peak below the
# samples' size plus 100 MB. Dev-only (python3-h5py makes the files).
# Usage: tests/benchmarks/h5_open.sh [BASIN_CLI] [FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
CLI=${1:-build/dev/app/cli/basin-cli}
DIR=${2:-${TMPDIR:-/tmp}/basin-h5-bench}
mkdir -p "$DIR"
/usr/bin/python3 - "$DIR" <<'PY'
import os, sys
import h5py, numpy as np
folder = sys.argv[1]
n = 600 * 1000 * 1000 // 784  # 600 MB of 1 x 28 x 28 images
rng = np.random.default_rng(0)
for name, chunks in (('big.h5', None), ('big_chunked.h5', (1000, 1, 28, 28))):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        continue
    with h5py.File(path, 'w') as f:
        images = f.create_dataset('images', (n, 1, 28, 28), np.uint8, chunks=chunks)
        for start in range(0, n, 100000):
            count = min(100000, n - start)
            images[start:start + count] = rng.integers(0, 256, (count, 1, 28, 28), np.uint8)
        f['labels'] = rng.integers(0, 10, n).astype(np.int64)
with h5py.File(os.path.join(folder, 'big.h5'), 'r') as big, \
        h5py.File(os.path.join(folder, 'small.h5'), 'w') as small:
    small['images'] = big['images'][:1000]
    small['labels'] = big['labels'][:1000]
PY
run() {  # prints "seconds kib"
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$CLI" eval --model resources/demo/resnet20-mnist.h5 \
    --data "h5:$DIR/$1" --pad 2 --normalize mnist --samples 1000 --threads 2 > /dev/null
  cat "$DIR/time.txt"
}
for i in 1 2 3 4 5; do
  for f in small.h5 big.h5 big_chunked.h5; do echo "$f $(run $f)"; done
done > "$DIR/runs.txt"
/usr/bin/python3 - "$DIR/runs.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, seconds, kib = line.split()
    runs.setdefault(name, []).append((float(seconds), int(kib)))
base = statistics.median(s for s, _ in runs['small.h5'])
for name, values in runs.items():
    t = statistics.median(s for s, _ in values)
    rss = statistics.median(k for _, k in values) / 1024
    print(f'{name:16s} {t:6.3f} s ({t / base:4.2f}x small.h5)  peak {rss:6.1f} MiB')
PY
