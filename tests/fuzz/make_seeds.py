"""Writes the fuzz targets' seed corpora (tests/fuzz/corpus/<target>/): small valid inputs of each
format plus a few near misses, so that the fuzzer starts deep inside each parser. Dev-only (Debian
python3-torch, python3-h5py); the outputs are committed. Run from anywhere:
    /usr/bin/python3 tests/fuzz/make_seeds.py
Crash reproducers found by campaigns are added by hand as corpus/<target>/regress-*."""
import gzip
import io
import json
import os
import pickle
import struct
import sys
import zipfile

import h5py
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'fixtures'))
import basin_data  # noqa: E402
import torch_zoo  # noqa: E402

DATA = os.path.join(ROOT, 'tests', 'data')
FIXTURES = os.path.join(DATA, 'fixtures')


def seed(target, name, data):
    folder = os.path.join(HERE, 'corpus', target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), 'wb') as f:
        f.write(data)


def read(path):
    with open(path, 'rb') as f:
        return f.read()


def h5_bytes(write):
    buffer = io.BytesIO()
    with h5py.File(buffer, 'w', libver='earliest') as f:
        write(f)
    return buffer.getvalue()


def idx_seeds():
    images = basin_data.read_idx(os.path.join(DATA, 'mnist', 't10k-images-idx3-ubyte'))[:3]
    labels = basin_data.read_idx(os.path.join(DATA, 'mnist', 't10k-labels-idx1-ubyte'))[:3]

    def idx(array):
        return (struct.pack('>BBBB', 0, 0, 8, array.ndim) + struct.pack('>' + 'I' * array.ndim, *array.shape)
                + array.tobytes())

    for name, a, b in [('plain', idx(images), idx(labels)),
                       ('gzip', gzip.compress(idx(images), mtime=0), gzip.compress(idx(labels), mtime=0)),
                       ('count_mismatch', idx(images), idx(labels[:2]))]:
        seed('idx', name, struct.pack('<H', len(a)) + a + b)


def cifar_seeds():
    rng = np.random.default_rng(0)
    seed('cifar', 'cifar10_two', bytes(np.concatenate(
        [np.r_[[3], rng.integers(0, 256, 3072)] for _ in range(2)]).astype(np.uint8)))
    seed('cifar', 'cifar100_two', bytes(np.concatenate(
        [np.r_[[1, 42], rng.integers(0, 256, 3072)] for _ in range(2)]).astype(np.uint8)))


def hdf5_seeds():
    seed('hdf5', 'surface', read(os.path.join(FIXTURES, 'resnet20_surface.h5')))
    seed('hdf5', 'projection', read(os.path.join(FIXTURES, 'trajectory', 'pca_surface_proj.h5')))
    seed('hdf5', 'pca_directions', read(os.path.join(FIXTURES, 'trajectory', 'pca.h5')))
    model = torch_zoo.build('resnet8', in_channels=1, num_classes=2, height=8, width=8)
    for t in model.state_dict().values():
        if t.is_floating_point():
            t.zero_()
    arch = {'name': 'resnet8', 'in_channels': 1, 'height': 8, 'width': 8, 'num_classes': 2}

    def checkpoint(f, keep=None):
        f.attrs['format'] = 'basin-checkpoint'
        f.attrs['format_version'] = 1
        f.attrs['architecture'] = json.dumps(arch)
        f.attrs['metadata'] = json.dumps({'epoch': 1})
        for i, (name, t) in enumerate(model.state_dict().items()):
            if keep is None or i < keep:
                f.create_dataset(f'state/{name}', data=t.numpy(), compression='gzip' if t.dim() else None)

    seed('hdf5', 'checkpoint', h5_bytes(checkpoint))
    seed('hdf5', 'checkpoint_missing_tensors', h5_bytes(lambda f: checkpoint(f, keep=2)))

    def images(f):
        g = f.create_group('test')
        g['images'] = np.arange(2 * 8 * 8, dtype=np.uint8).reshape(2, 1, 8, 8)
        g['labels'] = np.array([1, 7], dtype=np.int64)

    seed('hdf5', 'images', h5_bytes(images))


def model_file_seeds():
    seed('onnx', 'tiny_resnet', read(os.path.join(FIXTURES, 'trajectory', 'tiny_resnet.onnx')))
    pt = read(os.path.join(FIXTURES, 'trajectory', 'checkpoints', 'model_0.pt'))
    seed('torch_zip', 'tiny_resnet', pt)
    small = {'epoch': 3, 'state_dict': {'w': torch.arange(6, dtype=torch.float32).reshape(2, 3),
                                        'n': torch.tensor(5), 'h': torch.ones(2, dtype=torch.float16)}}
    buffer = io.BytesIO()
    torch.save(small, buffer)
    seed('torch_zip', 'small_dict', buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(pt)) as z:
        seed('pickle', 'tiny_resnet', z.read(next(n for n in z.namelist() if n.endswith('data.pkl'))))
    with zipfile.ZipFile(buffer) as z:
        seed('pickle', 'small_dict', z.read(next(n for n in z.namelist() if n.endswith('data.pkl'))))
    seed('pickle', 'refused_global', pickle.dumps(os.system, protocol=2))
    seed('pickle', 'containers', pickle.dumps({'a': [1, 2.5, None, True], 'b': ('x', b'y'.decode())},
                                              protocol=4))

    def safetensors(tensors, metadata=None):
        header, data = {}, b''
        for name, (dtype, array) in tensors.items():
            raw = array.tobytes()
            header[name] = {'dtype': dtype, 'shape': list(array.shape), 'data_offsets': [len(data), len(data) + len(raw)]}
            data += raw
        if metadata:
            header['__metadata__'] = metadata
        text = json.dumps(header).encode()
        return struct.pack('<Q', len(text)) + text + data

    seed('safetensors', 'f32_i64', safetensors({'w': ('F32', np.arange(6, dtype=np.float32).reshape(2, 3)),
                                                'n': ('I64', np.array(5, dtype=np.int64))}, {'epoch': '3'}))
    seed('safetensors', 'f16_bf16', safetensors({'h': ('F16', np.ones(4, dtype=np.float16)),
                                                 'b': ('BF16', np.ones(2, dtype=np.uint16))}))


def text_seeds():
    for i, text in enumerate(['-1:1:51', '-0.5:0.5:3', '1e-3:2e-3:10', '0:0:1', '-1:1', '1:-1:5']):
        seed('grid_spec', f'spec{i}', text.encode())
    for i, text in enumerate(['mnist:mnist\ntest\nmnist\n10\n-1\n2\n',
                              'h5:fixtures/mnist_input.h5\ntest\nnone\n5\n3\n0\nrgb',
                              'mnist:mnist\ntrain\ncifar10\n-1\n-1\n-1\n',
                              'cifar10:mnist\ntest\nnone\n1\n0\n0\n']):
        seed('data_spec', f'spec{i}', text.encode())
    for name in ['resnet20', 'resnet8_noshort', 'densenet_bc40', 'vgg9', 'wrn14_2']:
        arch = {'name': name, 'in_channels': 1, 'height': 16, 'width': 16, 'num_classes': 3}
        seed('arch_json', name, json.dumps(arch).encode())


def hostile_seeds():
    """Near misses of issue 18's classes, so the fuzzer starts at the new checks: nesting beyond
    the 1000 levels a pickle may use (and 64 in JSON), strides, offsets and extents whose sizes
    wrap 64 bits, a stride-0 expansion, one storage read as two types."""
    deep = b'\x80\x02' + b'(' * 1100 + b')' + b't' * 1100 + b'.'
    seed('pickle', 'hostile-deep-tuples', deep)
    memo = b'\x80\x02' + b''.join(b']r' + struct.pack('<I', i) for i in range(1100))
    memo += b''.join(b'j' + struct.pack('<I', i - 1) + b'j' + struct.pack('<I', i) + b'a'
                     for i in range(1, 1100))
    seed('pickle', 'hostile-deep-memo', memo + b'j' + struct.pack('<I', 0) + b'.')

    def tensor_pickle(tensors):
        def long1(v):
            return b'\x8a\x08' + struct.pack('<q', v)

        def text(t):
            return b'X' + struct.pack('<I', len(t)) + t.encode()

        p = b'\x80\x02}'
        for name, storage, numel, offset, shape, stride in tensors:
            p += text(name) + b'ctorch._utils\n_rebuild_tensor_v2\n('
            p += b'(' + text('storage') + b'ctorch\n' + storage.encode() + b'\n' + text('0')
            p += text('cpu') + long1(numel) + b'tQ' + long1(offset)
            p += b'(' + b''.join(long1(v) for v in shape) + b't'
            p += b'(' + b''.join(long1(v) for v in stride) + b'ttRs'
        return p + b'.'

    cases = {
        'hostile-stride-wrap': [('w', 'FloatStorage', 4, 0, [3], [1 << 62])],
        'hostile-offset-far': [('w', 'FloatStorage', 4, 1 << 62, [1], [1])],
        'hostile-extent-wrap': [('w', 'FloatStorage', 4, 0, [1 << 32, 1 << 32], [0, 0])],
        'hostile-stride-zero': [('w', 'FloatStorage', 1, 0, [1 << 32], [0])],
        'hostile-two-dtypes': [('a', 'FloatStorage', 4, 0, [4], [1]),
                               ('b', 'LongStorage', 2, 0, [2], [1])],
    }
    for name, tensors in cases.items():
        seed('pickle', name, tensor_pickle(tensors))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, 'w') as z:
            z.writestr('archive/data.pkl', tensor_pickle(tensors))
            z.writestr('archive/data/0', bytes(16))
        seed('torch_zip', name, buffer.getvalue())

    def safetensors_header(text):
        return struct.pack('<Q', len(text)) + text.encode()

    seed('safetensors', 'hostile-extent-wrap', safetensors_header(
        '{"w":{"dtype":"F32","shape":[4294967296,4294967296,4294967296],"data_offsets":[0,0]}}'))
    seed('safetensors', 'hostile-bytes-wrap', safetensors_header(
        '{"w":{"dtype":"F64","shape":[2147483648,2147483648],"data_offsets":[0,0]}}'))
    seed('safetensors', 'hostile-deep-json',
         safetensors_header('{"__metadata__":' + '[' * 80 + ']' * 80 + '}'))
    seed('arch_json', 'hostile-deep', ('{"name":' + '[' * 80 + ']' * 80 + '}').encode())


if __name__ == '__main__':
    hostile_seeds()
    idx_seeds()
    cifar_seeds()
    hdf5_seeds()
    model_file_seeds()
    text_seeds()
