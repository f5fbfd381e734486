#!/usr/bin/env bash
# Computes the demo's surfaces and trajectories with Basin itself, from the models and
# checkpoints make_demo.py trained: for each model a 31 x 31 (DenseNet: 21 x 21) filter-normalized
# surface around the final model (biases and BatchNorm left alone, seed 0) and the PCA trajectory
# of its checkpoints with a surface on that plane, on the grid basin-cli trajectory suggests (the
# path plus a margin, 27 (DenseNet: 19) points along its longer side); 1,000 MNIST test images. A
# rerun resumes a surface file where it stopped and keeps a finished one (delete it to redo it).
#
# Usage: [ARCHS="resnet20 ..."] resources/demo/make_surfaces.sh [BASIN_CLI]
#        (default: build/release/app/cli/basin-cli)
set -euo pipefail
demo="$(cd "$(dirname "$0")" && pwd)"
cli="$(realpath "${1:-$demo/../../build/release/app/cli/basin-cli}")"
data=(--data "mnist:$demo/mnist" --normalize mnist --pad 2 --split test --samples 1000)
mkdir -p "$demo/surfaces"
cd "$demo/surfaces"  # direction files are named relative to the surfaces that use them

for arch in ${ARCHS:-resnet20 resnet20_noshort densenet_bc40}; do
  model="../$arch-mnist.h5"
  grid=31 plane=27
  [ "$arch" = densenet_bc40 ] && grid=21 plane=19  # four times slower per point than the ResNets
  "$cli" surface --model "$model" "${data[@]}" --x=-1:1:$grid --y=-1:1:$grid --seed 0 \
    --dir-file "${arch}_dirs.h5" --out "$arch.h5"
  checkpoints=(../trajectories/"$arch"/model_*.h5 "$model")  # the path ends at the final model
  # The grid trajectory suggests: the path plus a margin, $plane points along its longer side.
  grid=$("$cli" trajectory --checkpoints "${checkpoints[@]}" --ignore biasbn --grid "$plane" \
    --out-dirs "../trajectories/${arch}_pca.h5" | tee /dev/stderr | grep -o -- '--[xy]=[^ ]*')
  # shellcheck disable=SC2086  # the two words --x=... --y=...
  "$cli" surface --model "$model" "${data[@]}" --dir-file "../trajectories/${arch}_pca.h5" \
    $grid --out "${arch}_pca.h5"
done
