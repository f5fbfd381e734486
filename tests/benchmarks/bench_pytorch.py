#!/usr/bin/python3
"""PyTorch's forward + cross-entropy throughput for a zoo model, measured like `basin-cli bench`:
eval mode, a seeded random batch, warm-up batches, then the median of timed batches.

Usage: /usr/bin/python3 tests/benchmarks/bench_pytorch.py --arch resnet20 --batch 128 --threads 2
       [--frozen]   # BatchNorm folded and TorchScript-frozen (torch.jit.optimize_for_inference)
       --arch tv:NAME  # torchvision.models.NAME(num_classes=10) at 3 x 32 x 32 (resnet18,
                       # mobilenet_v2, shufflenet_v2_x1_0, efficientnet_b0, ...);
                       # tv:vit_cifar: a CIFAR-size ViT (patch 4, 6 layers, 8 heads, width 256,
                       # MLP 512), exported with a dynamic batch axis at opset 17
       --export FILE   # also write the model as ONNX the README's way (for basin-cli bench)
Prints one JSON object.
"""
import argparse
import json
import os
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
import torch_zoo  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--arch', default='resnet20')
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--iterations', type=int, default=10)
    ap.add_argument('--warmup', type=int, default=2)
    ap.add_argument('--frozen', action='store_true')
    ap.add_argument('--export')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    extra = {}
    if a.arch == 'tv:vit_cifar':
        import torchvision
        model = torchvision.models.VisionTransformer(image_size=32, patch_size=4, num_layers=6,
                                                     num_heads=8, hidden_dim=256, mlp_dim=512,
                                                     num_classes=10).eval()
        # A fixed batch-1 export would run pinned to batch 1 (its attention bakes the batch in).
        extra = dict(input_names=['input'], dynamic_axes={'input': {0: 'batch'}},
                     opset_version=17)
    elif a.arch.startswith('tv:'):
        import torchvision
        model = getattr(torchvision.models, a.arch[3:])(num_classes=10).eval()
    else:
        model = torch_zoo.build(a.arch).eval()
    if a.export:
        torch.onnx.export(model, torch.zeros(1, 3, 32, 32), a.export,
                          training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
                          **extra)
    x = torch.randn(a.batch, 3, 32, 32)
    y = torch.arange(a.batch) % 10
    with torch.no_grad():
        if a.frozen:
            model = torch.jit.optimize_for_inference(torch.jit.freeze(torch.jit.trace(model, x)))
        times = []
        for i in range(a.warmup + a.iterations):
            t = time.perf_counter()
            F.cross_entropy(model(x), y).item()
            if i >= a.warmup:
                times.append(time.perf_counter() - t)
    times.sort()
    median = times[len(times) // 2]
    print(json.dumps({'architecture': a.arch, 'batch': a.batch, 'threads': a.threads,
                      'frozen': a.frozen, 'median_seconds': median,
                      'images_per_second': a.batch / median, 'torch': str(torch.__version__)}))


if __name__ == '__main__':
    main()
