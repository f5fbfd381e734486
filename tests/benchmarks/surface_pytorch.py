#!/usr/bin/python3
"""The reference implementation's surface loop in PyTorch, for timing against `basin-cli surface`:
for every point of an N x N grid over [-1, 1]^2, set weights = w + x*dx + y*dy (filter-normalized
random directions, biasbn), then evaluate loss and accuracy in eval mode over batches of 128.
Data: the first --samples MNIST test images padded to 3 x 32 x 32 (as `--normalize mnist --pad 2
--rgb`). Prints one JSON object with seconds per grid point.

Usage: /usr/bin/python3 tests/benchmarks/surface_pytorch.py --arch resnet20 --samples 1000 --grid 5
Tuned glibc malloc (performance.md): run with
  MALLOC_MMAP_THRESHOLD_=4294967296 MALLOC_TRIM_THRESHOLD_=4294967296 MALLOC_TOP_PAD_=1073741824
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', 'fixtures'))
import basin_data  # noqa: E402
import torch_zoo  # noqa: E402
from generate_surface_fixture import normalize_filter  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--arch', default='resnet20')
    ap.add_argument('--samples', type=int, default=1000)
    ap.add_argument('--grid', type=int, default=5)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--batch', type=int, default=128)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    mnist = os.path.join(here, '..', 'data', 'mnist') if a.samples <= 256 else basin_data.mnist_source()
    x = basin_data.mnist_to_cifar_input(basin_data.read_idx(os.path.join(mnist, 't10k-images-idx3-ubyte'))[:a.samples])
    y = torch.from_numpy(basin_data.read_idx(os.path.join(mnist, 't10k-labels-idx1-ubyte'))[:a.samples].astype(np.int64))
    model = torch_zoo.build(a.arch).eval()
    weights = [p.data.clone() for p in model.parameters()]
    dirs = [[torch.randn(w.size()) for w in weights] for _ in range(2)]
    for d in dirs:
        normalize_filter(d, weights)
    coords = np.linspace(-1, 1, a.grid)
    start = time.perf_counter()
    for cy in coords:
        for cx in coords:
            with torch.no_grad():
                for p, w, d0, d1 in zip(model.parameters(), weights, *dirs):
                    p.data = w + d0 * cx + d1 * cy
                loss, correct = 0.0, 0
                for i in range(0, a.samples, a.batch):
                    out = model(x[i:i + a.batch])
                    n = out.shape[0]
                    loss += F.cross_entropy(out, y[i:i + a.batch]).item() * n
                    correct += (out.argmax(1) == y[i:i + a.batch]).sum().item()
    seconds = time.perf_counter() - start
    points = a.grid * a.grid
    print(json.dumps({'arch': a.arch, 'points': points, 'samples': a.samples,
                      'seconds_per_point': seconds / points,
                      'malloc_tuned': 'MALLOC_MMAP_THRESHOLD_' in os.environ}))


if __name__ == '__main__':
    main()
