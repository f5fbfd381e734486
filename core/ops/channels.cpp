#include "core/ops/channels.h"

#include <algorithm>

#include "core/error.h"

namespace basin {
namespace {

// Values per channel plane (the product of the extents after the channel axis).
int64_t planeSize(const Tensor& t) {
  if (t.rank() < 2)
    throw ShapeError("a channel operation needs N x C input, got " + toString(t.shape()));
  const int64_t planes = t.dim(0) * t.dim(1);
  return planes > 0 ? t.size() / planes : 0;
}

}  // namespace

void channelSlice(const Tensor& input, int64_t begin, int64_t end, Tensor& output, int threads) {
  const int64_t P = planeSize(input), N = input.dim(0), C = input.dim(1);
  if (begin < 0 || begin >= end || end > C)
    throw ShapeError("channels " + std::to_string(begin) + " to " + std::to_string(end) +
                     " are not a range of " + std::to_string(C));
  Shape shape = input.shape();
  shape[1] = end - begin;
  output.resize(shape);
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t n = 0; n < N; ++n)
    std::copy_n(in + (n * C + begin) * P, (end - begin) * P, out + n * (end - begin) * P);
}

void channelShuffle(const Tensor& input, int64_t groups, Tensor& output, int threads) {
  const int64_t P = planeSize(input), N = input.dim(0), C = input.dim(1);
  if (groups < 1 || C % groups)
    throw ShapeError(std::to_string(groups) + " groups do not divide " + std::to_string(C) +
                     " channels");
  output.resize(input.shape());
  const int64_t perGroup = C / groups;
  const float* in = input.data();
  float* out = output.data();
#pragma omp parallel for num_threads(threads) schedule(static) if (threads > 1)
  for (int64_t n = 0; n < N; ++n)
    for (int64_t i = 0; i < groups; ++i)
      for (int64_t j = 0; j < perGroup; ++j)
        std::copy_n(in + (n * C + i * perGroup + j) * P, P, out + (n * C + j * groups + i) * P);
}

}  // namespace basin
