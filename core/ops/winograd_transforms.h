// The one-dimensional Winograd transforms of F(2, 3) and F(4, 3) (Lavin & Gray 2016, points
// 0, +-1, +-2 and infinity). conv2d_winograd.cpp applies each along columns, then rows, to get
// the 2-D transforms U = G g G^T, V = B^T d B and Y = A^T M A. Written out by hand so that no
// zero coefficient costs an operation; `T` is float or an Eigen packet of floats.
#pragma once

#include <Eigen/Core>

namespace basin::winograd {

using Packet = Eigen::internal::packet_traits<float>::type;
using HalfPacket = Eigen::internal::packet_traits<float>::half;

inline float add(float a, float b) {
  return a + b;
}
inline float sub(float a, float b) {
  return a - b;
}
// a * s + b
inline float madd(float a, float s, float b) {
  return a * s + b;
}
// The same for any of Eigen's float packets (full or half width).
template <class P>
P add(P a, P b) {
  return Eigen::internal::padd(a, b);
}
template <class P>
P sub(P a, P b) {
  return Eigen::internal::psub(a, b);
}
template <class P>
P madd(P a, float s, P b) {
  return Eigen::internal::pmadd(a, Eigen::internal::pset1<P>(s), b);
}

// F(m, 3): m outputs from n = m + 2 inputs.
template <int M>
struct Transforms;

template <>
struct Transforms<2> {
  static constexpr int kInput = 4;
  // G g: 3 filter taps to 4 (double: the filters are transformed once per set of weights).
  static void filter(const double (&g)[3], double (&u)[4]) {
    u[0] = g[0];
    u[1] = 0.5 * (g[0] + g[1] + g[2]);
    u[2] = 0.5 * (g[0] - g[1] + g[2]);
    u[3] = g[2];
  }
  // B^T d.
  template <class T>
  static void input(const T (&d)[4], T (&v)[4]) {
    v[0] = sub(d[0], d[2]);
    v[1] = add(d[1], d[2]);
    v[2] = sub(d[2], d[1]);
    v[3] = sub(d[1], d[3]);
  }
  // A^T m.
  template <class T>
  static void output(const T (&m)[4], T (&y)[2]) {
    y[0] = add(add(m[0], m[1]), m[2]);
    y[1] = sub(sub(m[1], m[2]), m[3]);
  }
};

template <>
struct Transforms<4> {
  static constexpr int kInput = 6;
  static void filter(const double (&g)[3], double (&u)[6]) {
    u[0] = g[0] / 4;
    u[1] = -(g[0] + g[1] + g[2]) / 6;
    u[2] = -(g[0] - g[1] + g[2]) / 6;
    u[3] = g[0] / 24 + g[1] / 12 + g[2] / 6;
    u[4] = g[0] / 24 - g[1] / 12 + g[2] / 6;
    u[5] = g[2];
  }
  // B^T d with B^T = [4 0 -5 0 1 0; 0 -4 -4 1 1 0; 0 4 -4 -1 1 0; 0 -2 -1 2 1 0;
  // 0 2 -1 -2 1 0; 0 4 0 -5 0 1], sharing the sums rows 1-4 have in common.
  template <class T>
  static void input(const T (&d)[6], T (&v)[6]) {
    const T a = madd(d[2], -4.0f, d[4]), b = madd(d[1], -4.0f, d[3]);
    const T c = sub(d[4], d[2]), e = sub(d[3], d[1]);
    v[0] = madd(d[0], 4.0f, madd(d[2], -5.0f, d[4]));
    v[1] = add(a, b);
    v[2] = sub(a, b);
    v[3] = madd(e, 2.0f, c);
    v[4] = madd(e, -2.0f, c);
    v[5] = madd(d[1], 4.0f, madd(d[3], -5.0f, d[5]));
  }
  // A^T m with A^T = [1 1 1 1 1 0; 0 1 -1 2 -2 0; 0 1 1 4 4 0; 0 1 -1 8 -8 1].
  template <class T>
  static void output(const T (&m)[6], T (&y)[4]) {
    const T p = add(m[1], m[2]), q = sub(m[1], m[2]);
    const T r = add(m[3], m[4]), s = sub(m[3], m[4]);
    y[0] = add(add(m[0], p), r);
    y[1] = madd(s, 2.0f, q);
    y[2] = madd(r, 4.0f, p);
    y[3] = add(madd(s, 8.0f, q), m[5]);
  }
};

}  // namespace basin::winograd
