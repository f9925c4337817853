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

#endif
