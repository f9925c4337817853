#ifndef STEPGRAD_KERNEL_H
#define STEPGRAD_KERNEL_H

#include <stddef.h>

/// The code paths of the matrix product; every path gives the same bits.
enum sg_path { SG_PORTABLE = 0, SG_AVX2 = 1, SG_AVX512 = 2 };

/// The fastest path this processor (and its operating system) can run.
int sg_best_path(void);

/// `c (m×n, row-major) = a · b`, where element (i, k) of a is `a[i*a_row + k*a_column]` and
/// element (k, j) of b is `b[k*b_row + j*b_column]`. Every element is the sum over k in increasing
/// order, from +0, of the products whose left factor is not 0, each product rounded before it is
/// added (no fused multiply-add): bit for bit what a hand calculation in doubles gives, on every path.
void sg_multiply(int path, const double *a, ptrdiff_t a_row, ptrdiff_t a_column,
                 const double *b, ptrdiff_t b_row, ptrdiff_t b_column,
                 double *c, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n);

/// PaperZero's bounds for `c = a·b` (a m×p, b p×n, strided as in `sg_multiply`): `row_sums[i]` =
/// Σₖ |a(i,k)| in increasing k from +0, `column_maxima[j]` = the largest |b(k,j)| (0 if none; NaN passed over).
void sg_snap_bounds(int path, const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,
                    ptrdiff_t b_column, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n, double *row_sums, double *column_maxima);

/// How many elements of `c` (m×n) pass PaperZero's cheap test `0 < |c(i,j)| ≤ max(b · 2⁻⁵⁰, 2⁻¹⁰⁰⁰)`,
/// `b = rows[i] · columns[j] + bias[j]` (see PaperZero.swift): 0 when no element can be a residue.
ptrdiff_t sg_snap_candidates(int path, const double *c, ptrdiff_t m, ptrdiff_t n, const double *rows, const double *columns,
                             const double *bias);

/// Whether none of `count` doubles is ∞ or NaN.
int sg_all_finite(int path, const double *x, ptrdiff_t count);

/// `sums[j]` = the sum of column j of `x` (rows×columns, row-major), and `magnitudes[j]` the sum of
/// its magnitudes, rows in increasing order from +0.
void sg_column_sums(int path, const double *x, ptrdiff_t rows, ptrdiff_t columns, double *sums, double *magnitudes);

/// Plain SGD in place, `p[i] = SGDStep.element(p[i], step: g[i], learningRate: rate)`: p + (−(rate·g)),
/// each product rounded, under PaperZero's rule (see PaperZero.swift), the same bits on every path.
/// Whether every new p is finite.
int sg_sgd(int path, double *p, const double *g, double rate, ptrdiff_t count);

/// `a[i] = tanh(z[i])` for `count` elements, the engine's own tanh (see tanh.c): the same bits on
/// every path, within 2 ulps of the exact value; `a` may be `z`. `SG_AVX512` and `SG_AVX2` need FMA
/// (`sg_has_fma`).
void sg_tanh(int path, const double *z, double *a, ptrdiff_t count);

/// The engine's tanh of one number: the bits `sg_tanh` gives on every path.
double sg_tanh1(double x);

/// Whether the processor has fused multiply-add.
int sg_has_fma(void);

#endif
