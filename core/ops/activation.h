// Elementwise activations (ONNX's and PyTorch's definitions) and the channel-broadcast product
// of squeeze-and-excitation, on tensors of any shape.
#pragma once

#include "core/tensor/tensor.h"

namespace basin {

// y = f(x), with the parameters the kind uses:
// Clip: min(max(x, alpha), beta) (ReLU6: 0, 6); Sigmoid: 1 / (1 + e^-x); HardSigmoid:
// max(0, min(1, alpha x + beta)); HardSwish: x max(0, min(1, x / 6 + 1 / 2)); Tanh; LeakyRelu:
// x >= 0 ? x : alpha x; Softplus: log(1 + e^x); Erf; Affine: alpha x + beta (a product with,
// or a sum with, a scalar constant); Sqrt; Reciprocal: 1 / x; Exp; Log; Pow: x^alpha (x * x for
// alpha = 2, as PyTorch computes it); Gelu: x / 2 (1 + erf(x / sqrt 2)) (PyTorch's exact GELU,
// ONNX Gelu; the fast plan also runs PyTorch's exported Div-Erf-Add-Mul-Mul chain as one).
enum class Activation {
  Clip,
  Sigmoid,
  HardSigmoid,
  HardSwish,
  Tanh,
  LeakyRelu,
  Softplus,
  Erf,
  Affine,
  Sqrt,
  Reciprocal,
  Exp,
  Log,
  Pow,
  Gelu
};

struct ActivationParams {
  Activation kind = Activation::Clip;
  float alpha = 0.0f, beta = 0.0f;
};

// Name for messages and graph summaries ("Clip", "Sigmoid", ...).
const char* activationName(Activation kind);

// Oracle in double precision; resizes `output` to the input's shape.
void activationNaive(const Tensor& input, const ActivationParams& p, Tensor& output);
// Float, parallel over `threads`; same contract. Within 2 float ulps of the oracle, except Erf
// and Gelu (Eigen's vectorized erf): within 4e-7 absolute of erf, 4e-7 (1 + |x|) of GELU.
void activation(const Tensor& input, const ActivationParams& p, Tensor& output, int threads);

// output = a * b, where b has a's shape or is N x C (x 1 x 1): one factor per image and channel,
// broadcast over the image (squeeze-and-excitation). Throws ShapeError otherwise.
void multiplyNaive(const Tensor& a, const Tensor& b, Tensor& output);
void multiply(const Tensor& a, const Tensor& b, Tensor& output, int threads);

}  // namespace basin
