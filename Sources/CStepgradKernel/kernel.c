// Register-blocked products that keep the reference summation order.
//
// No contraction of a product and a sum into one fused multiply-add, anywhere in this file:
// each product is rounded before it is added, as the reference (and every expanded line) does.
#pragma STDC FP_CONTRACT OFF
//
// Vectors run across output columns, so each lane is one element's own sum over k, in order;
// products and sums are separate instructions (the pragma above, and no FMA intrinsics), so
// each product is rounded before it is added, as in the reference.
// The reference skips products whose left factor is 0; a dense block adds them instead, which
// leaves every sum unchanged as long as they are ±0 — a sum that starts at +0 is never −0, and
// s + (±0) = s — that is, as long as the right factor is finite. A panel of b holding ∞ or NaN
// is therefore computed by the reference loop.

#include "stepgrad_kernel.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#include <immintrin.h>
#define SG_X86 1
#endif

// MARK: - Choosing a path

#ifdef SG_X86
static uint64_t xgetbv0(void) {
    uint32_t eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((uint64_t)edx << 32) | eax;
}
#endif

int sg_best_path(void) {
#ifdef SG_X86
    unsigned a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return SG_PORTABLE;
    int osxsave = (c >> 27) & 1, avx = (c >> 28) & 1;
    if (!osxsave || !avx) return SG_PORTABLE;
    uint64_t xcr0 = xgetbv0();
    if ((xcr0 & 0x6) != 0x6) return SG_PORTABLE;  // the OS saves SSE and AVX state
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return SG_PORTABLE;
    int avx2 = (b >> 5) & 1, avx512f = (b >> 16) & 1;
    if (avx512f && (xcr0 & 0xe6) == 0xe6) return SG_AVX512;  // and opmask, ZMM state
    if (avx2) return SG_AVX2;
#endif
    return SG_PORTABLE;
}

// MARK: - The reference

#define A(i, k) a[(i) * a_row + (k) * a_column]
#define B(k, j) b[(k) * b_row + (j) * b_column]

/// Columns j0..<j1 of c by the reference loop: for each row, the nonzero factors in order.
/// Compiled once per path, so that the loop over a contiguous row of b runs in that path's vectors
/// (lanes are columns, each its own sum; products and sums separate, as everywhere here).
#define SG_REFERENCE(NAME, TARGET)                                                                                  \
    TARGET static void NAME(const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,  \
                            ptrdiff_t b_column, double *c, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n, ptrdiff_t j0,        \
                            ptrdiff_t j1) {                                                                          \
        for (ptrdiff_t i = 0; i < m; i++) {                                                                          \
            double *row = c + i * n;                                                                                 \
            for (ptrdiff_t j = j0; j < j1; j++) row[j] = 0;                                                          \
            for (ptrdiff_t k = 0; k < p; k++) {                                                                      \
                double f = A(i, k);                                                                                  \
                if (f == 0) continue;                                                                                \
                if (b_column == 1) {                                                                                 \
                    const double *bk = b + k * b_row;                                                                \
                    for (ptrdiff_t j = j0; j < j1; j++) row[j] = row[j] + f * bk[j];                                 \
                } else {                                                                                             \
                    for (ptrdiff_t j = j0; j < j1; j++) row[j] = row[j] + f * B(k, j);                               \
                }                                                                                                    \
            }                                                                                                        \
        }                                                                                                            \
    }

SG_REFERENCE(reference, )
#ifdef SG_X86
SG_REFERENCE(reference_avx2, __attribute__((target("avx2"))))
SG_REFERENCE(reference_avx512, __attribute__((target("avx512f"))))
#endif

#ifdef SG_X86
/// The lanes of a vector of 8 doubles that hold the next `left` elements of a row (none if `left` ≤ 0):
/// the mask of an AVX-512 load or store at a row's edge.
static inline __mmask8 sg_lanes(ptrdiff_t left) { return left >= 8 ? 0xFF : left <= 0 ? 0 : (__mmask8)((1u << left) - 1); }

/// The reference loop for at most 32 columns of b with contiguous rows, each row's sums kept in four
/// registers while k runs (masked at the edge) instead of read back from c for every k. Same sums,
/// same order, the same products of nonzero factors skipped.
__attribute__((target("avx512f"))) static void reference_registers_avx512(const double *a, ptrdiff_t a_row, ptrdiff_t a_column,
                                                                          const double *b, ptrdiff_t b_row, double *c, ptrdiff_t m,
                                                                          ptrdiff_t p, ptrdiff_t n) {
    const __mmask8 lanes[4] = {sg_lanes(n), sg_lanes(n - 8), sg_lanes(n - 16), sg_lanes(n - 24)};
    for (ptrdiff_t i = 0; i < m; i++) {
        __m512d s0 = _mm512_setzero_pd(), s1 = s0, s2 = s0, s3 = s0;
        for (ptrdiff_t k = 0; k < p; k++) {
            double f = A(i, k);
            if (f == 0) continue;
            const __m512d factor = _mm512_set1_pd(f);
            const double *bk = b + k * b_row;
            s0 = _mm512_add_pd(s0, _mm512_mul_pd(factor, _mm512_maskz_loadu_pd(lanes[0], bk)));
            if (lanes[1]) s1 = _mm512_add_pd(s1, _mm512_mul_pd(factor, _mm512_maskz_loadu_pd(lanes[1], bk + 8)));
            if (lanes[2]) s2 = _mm512_add_pd(s2, _mm512_mul_pd(factor, _mm512_maskz_loadu_pd(lanes[2], bk + 16)));
            if (lanes[3]) s3 = _mm512_add_pd(s3, _mm512_mul_pd(factor, _mm512_maskz_loadu_pd(lanes[3], bk + 24)));
        }
        double *row = c + i * n;
        _mm512_mask_storeu_pd(row, lanes[0], s0);
        _mm512_mask_storeu_pd(row + 8, lanes[1], s1);
        _mm512_mask_storeu_pd(row + 16, lanes[2], s2);
        _mm512_mask_storeu_pd(row + 24, lanes[3], s3);
    }
}
#endif

/// The exponent bits of x plus one in the lowest of them: the sign bit is set exactly when they are
/// all ones (x is ∞ or NaN). OR-ed over many values, one test of the sign bit finds any of them,
/// without branches or a chain of additions, so loops over it run in vectors.
static inline uint64_t exponent_carry(double x) {
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return (bits & 0x7FF0000000000000ull) + (1ull << 52);
}

/// The reference loop for at most 8 columns: each row's sums kept in registers while k runs,
/// instead of a loop over a handful of columns for every k. Same sums, same order. Where b is
/// finite, four rows run together, adding the products of 0 factors too (±0, which leave a sum
/// from +0 unchanged; see the top of this file): four rows' chains of additions overlap.
#define SG_NARROW(N)                                                                                                 \
    static void narrow_##N(const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,   \
                           ptrdiff_t b_column, double *c, ptrdiff_t m, ptrdiff_t p, int dense) {                     \
        ptrdiff_t i = 0;                                                                                             \
        if (dense) {                                                                                                 \
            for (; i + 4 <= m; i += 4) {                                                                             \
                double s[4][N];                                                                                      \
                for (int r = 0; r < 4; r++)                                                                          \
                    for (int j = 0; j < N; j++) s[r][j] = 0;                                                         \
                for (ptrdiff_t k = 0; k < p; k++) {                                                                  \
                    double bk[N];                                                                                    \
                    for (int j = 0; j < N; j++) bk[j] = B(k, j);                                                     \
                    for (int r = 0; r < 4; r++) {                                                                    \
                        double f = A(i + r, k);                                                                      \
                        for (int j = 0; j < N; j++) s[r][j] = s[r][j] + f * bk[j];                                   \
                    }                                                                                                \
                }                                                                                                    \
                for (int r = 0; r < 4; r++)                                                                          \
                    for (int j = 0; j < N; j++) c[(i + r) * N + j] = s[r][j];                                        \
            }                                                                                                        \
        }                                                                                                            \
        for (; i < m; i++) {                                                                                         \
            double s[N];                                                                                             \
            for (int j = 0; j < N; j++) s[j] = 0;                                                                    \
            for (ptrdiff_t k = 0; k < p; k++) {                                                                      \
                double f = A(i, k);                                                                                  \
                if (f == 0) continue;                                                                                \
                for (int j = 0; j < N; j++) s[j] = s[j] + f * B(k, j);                                               \
            }                                                                                                        \
            for (int j = 0; j < N; j++) c[i * N + j] = s[j];                                                         \
        }                                                                                                            \
    }
SG_NARROW(1)
SG_NARROW(2)
SG_NARROW(3)
SG_NARROW(4)
SG_NARROW(5)
SG_NARROW(6)
SG_NARROW(7)
SG_NARROW(8)

static void narrow(const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,
                   ptrdiff_t b_column, double *c, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n) {
    // Whether all of b is finite (`exponent_carry`), without branches.
    uint64_t carried = 0;
    if (m >= 4)
        for (ptrdiff_t k = 0; k < p; k++)
            for (ptrdiff_t j = 0; j < n; j++) carried |= exponent_carry(B(k, j));
    int dense = m >= 4 && (carried >> 63) == 0;
    switch (n) {
    case 1: narrow_1(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 2: narrow_2(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 3: narrow_3(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 4: narrow_4(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 5: narrow_5(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 6: narrow_6(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    case 7: narrow_7(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    default: narrow_8(a, a_row, a_column, b, b_row, b_column, c, m, p, dense); break;
    }
}

/// One row times a transposed b: dot products along contiguous rows of b, four at a time.
static void row_dots(const double *a, ptrdiff_t a_column, const double *b, ptrdiff_t b_row, double *c, ptrdiff_t p, ptrdiff_t n) {
    ptrdiff_t j = 0;
    for (; j + 4 <= n; j += 4) {
        const double *b0 = b + j * b_row, *b1 = b0 + b_row, *b2 = b1 + b_row, *b3 = b2 + b_row;
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (ptrdiff_t k = 0; k < p; k++) {
            double f = a[k * a_column];
            if (f == 0) continue;
            s0 = s0 + f * b0[k];
            s1 = s1 + f * b1[k];
            s2 = s2 + f * b2[k];
            s3 = s3 + f * b3[k];
        }
        c[j] = s0; c[j + 1] = s1; c[j + 2] = s2; c[j + 3] = s3;
    }
    for (; j < n; j++) {
        const double *bj = b + j * b_row;
        double s = 0;
        for (ptrdiff_t k = 0; k < p; k++) {
            double f = a[k * a_column];
            if (f != 0) s = s + f * bj[k];
        }
        c[j] = s;
    }
}

// MARK: - Packing

/// Scratch for one panel of b, kept per thread and grown, never freed: products allocate nothing.
static _Thread_local double *scratch;
static _Thread_local size_t scratch_capacity;

static double *panel_buffer(size_t count) {
    if (count > scratch_capacity) {
        free(scratch);
        scratch = aligned_alloc(64, ((count * sizeof(double) + 63) / 64) * 64);
        scratch_capacity = scratch ? count : 0;
    }
    return scratch;
}

/// Columns j0..<j0+w of b, k-major and `width` wide (the rest 0); whether all of them are finite.
static int pack(const double *b, ptrdiff_t b_row, ptrdiff_t b_column, ptrdiff_t p, ptrdiff_t j0, ptrdiff_t w, int width,
                double *panel) {
    uint64_t carried = 0;
    for (ptrdiff_t k = 0; k < p; k++) {
        double *out = panel + k * width;
        const double *in = b + k * b_row + j0 * b_column;
        ptrdiff_t jj = 0;
        if (b_column == 1) {
            for (; jj < w; jj++) { out[jj] = in[jj]; carried |= exponent_carry(in[jj]); }
        } else {
            for (; jj < w; jj++) { out[jj] = in[jj * b_column]; carried |= exponent_carry(in[jj * b_column]); }
        }
        for (; jj < width; jj++) out[jj] = 0;
    }
    return (carried >> 63) == 0;
}

#ifdef SG_X86
/// o[k] = lane k of each r: an 8×8 block transposed in registers (pairs of rows interleaved, then
/// pairs of pairs, then the halves). Values are moved, never computed, so every bit is kept.
__attribute__((target("avx512f"))) static inline void transpose8_avx512(const __m512d r[8], __m512d o[8]) {
    const __m512i pairsLow = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13), pairsHigh = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
    const __m512i halvesLow = _mm512_setr_epi64(0, 1, 2, 3, 8, 9, 10, 11), halvesHigh = _mm512_setr_epi64(4, 5, 6, 7, 12, 13, 14, 15);
    __m512d t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm512_unpacklo_pd(r[i], r[i + 1]);      // lanes 0, 2, 4, 6 of rows i, i+1
        t[i + 1] = _mm512_unpackhi_pd(r[i], r[i + 1]);  // lanes 1, 3, 5, 7
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = _mm512_permutex2var_pd(t[i], pairsLow, t[i + 2]);          // lanes 0, 4 of rows i..i+3
        u[i + 1] = _mm512_permutex2var_pd(t[i], pairsHigh, t[i + 2]);     // lanes 2, 6
        u[i + 2] = _mm512_permutex2var_pd(t[i + 1], pairsLow, t[i + 3]);  // lanes 1, 5
        u[i + 3] = _mm512_permutex2var_pd(t[i + 1], pairsHigh, t[i + 3]); // lanes 3, 7
    }
    o[0] = _mm512_permutex2var_pd(u[0], halvesLow, u[4]);
    o[4] = _mm512_permutex2var_pd(u[0], halvesHigh, u[4]);
    o[2] = _mm512_permutex2var_pd(u[1], halvesLow, u[5]);
    o[6] = _mm512_permutex2var_pd(u[1], halvesHigh, u[5]);
    o[1] = _mm512_permutex2var_pd(u[2], halvesLow, u[6]);
    o[5] = _mm512_permutex2var_pd(u[2], halvesHigh, u[6]);
    o[3] = _mm512_permutex2var_pd(u[3], halvesLow, u[7]);
    o[7] = _mm512_permutex2var_pd(u[3], halvesHigh, u[7]);
}

/// `pack` in AVX-512. A transposed b (a weight matrix read as Wᵀ: each column contiguous in k) is
/// read eight k of eight columns at a time and transposed in registers, so that every cache line
/// of it is used whole, where `pack` touches w lines far apart for every k; contiguous rows are
/// copied a vector at a time. Columns past w load as zeros, which is the panel's padding.
__attribute__((target("avx512f"))) static int pack_avx512(const double *b, ptrdiff_t b_row, ptrdiff_t b_column, ptrdiff_t p,
                                                          ptrdiff_t j0, ptrdiff_t w, int width, double *panel) {
    const __m512i exponent = _mm512_set1_epi64(0x7FF0000000000000ll), lowest = _mm512_set1_epi64(1ll << 52);
    __m512i carried = _mm512_setzero_si512();
#define SG_CARRY(x) carried = _mm512_or_si512(carried, _mm512_add_epi64(_mm512_and_si512(_mm512_castpd_si512(x), exponent), lowest))
    if (b_column == 1) {
        for (ptrdiff_t k = 0; k < p; k++) {
            const double *in = b + k * b_row + j0;
            for (int v = 0; v < width; v += 8) {
                __m512d x = _mm512_maskz_loadu_pd(sg_lanes(w - v), in + v);
                SG_CARRY(x);
                _mm512_storeu_pd(panel + k * width + v, x);
            }
        }
    } else if (b_row == 1) {
        for (ptrdiff_t k0 = 0; k0 < p; k0 += 8) {
            const __mmask8 ks = sg_lanes(p - k0);
            const ptrdiff_t kk = p - k0 < 8 ? p - k0 : 8;
            for (int v = 0; v < width; v += 8) {
                __m512d r[8];
                for (int i = 0; i < 8; i++) {
                    r[i] = v + i < w ? _mm512_maskz_loadu_pd(ks, b + (j0 + v + i) * b_column + k0) : _mm512_setzero_pd();
                    SG_CARRY(r[i]);
                }
                __m512d o[8];
                transpose8_avx512(r, o);
                for (ptrdiff_t i = 0; i < kk; i++) _mm512_storeu_pd(panel + (k0 + i) * width + v, o[i]);
            }
        }
    } else {
        return pack(b, b_row, b_column, p, j0, w, width, panel);
    }
#undef SG_CARRY
    __m512i sign = _mm512_srli_epi64(carried, 63);
    return _mm512_reduce_or_epi64(sign) == 0;
}
#endif

#ifdef SG_X86
/// `pack` in AVX2 for a transposed b, as `pack_avx512` does it: four k of four columns at a time,
/// transposed in registers (pairs interleaved, then halves swapped; values moved, never computed).
/// The last p mod 4 k, and every other layout, as `pack` does them.
__attribute__((target("avx2"))) static int pack_avx2(const double *b, ptrdiff_t b_row, ptrdiff_t b_column, ptrdiff_t p,
                                                    ptrdiff_t j0, ptrdiff_t w, int width, double *panel) {
    if (b_row != 1) return pack(b, b_row, b_column, p, j0, w, width, panel);
    const __m256i exponent = _mm256_set1_epi64x(0x7FF0000000000000ll), lowest = _mm256_set1_epi64x(1ll << 52);
    __m256i carried = _mm256_setzero_si256();
    ptrdiff_t k0 = 0;
    for (; k0 + 4 <= p; k0 += 4) {
        for (int v = 0; v < width; v += 4) {
            __m256d r[4];
            for (int i = 0; i < 4; i++) {
                r[i] = v + i < w ? _mm256_loadu_pd(b + (j0 + v + i) * b_column + k0) : _mm256_setzero_pd();
                carried = _mm256_or_si256(carried, _mm256_add_epi64(_mm256_and_si256(_mm256_castpd_si256(r[i]), exponent), lowest));
            }
            __m256d low01 = _mm256_unpacklo_pd(r[0], r[1]), high01 = _mm256_unpackhi_pd(r[0], r[1]);
            __m256d low23 = _mm256_unpacklo_pd(r[2], r[3]), high23 = _mm256_unpackhi_pd(r[2], r[3]);
            double *out = panel + k0 * width + v;
            _mm256_storeu_pd(out, _mm256_permute2f128_pd(low01, low23, 0x20));
            _mm256_storeu_pd(out + width, _mm256_permute2f128_pd(high01, high23, 0x20));
            _mm256_storeu_pd(out + 2 * width, _mm256_permute2f128_pd(low01, low23, 0x31));
            _mm256_storeu_pd(out + 3 * width, _mm256_permute2f128_pd(high01, high23, 0x31));
        }
    }
    int rest = k0 == p || pack(b + k0, b_row, b_column, p - k0, j0, w, width, panel + k0 * width);
    return rest && _mm256_movemask_pd(_mm256_castsi256_pd(carried)) == 0;
}
#endif

// MARK: - Blocks

// A block is R rows × V vectors of L doubles; for each k it loads V vectors of the panel,
// broadcasts R factors of a, and adds R×V products to as many accumulators.
// Each path's block: as many accumulators as its registers hold beside the V loaded vectors, the
// broadcast factor and the product being added (16 ymm registers for AVX2: 2×4 accumulators, since
// 4×3 left two of them on the stack, loaded and stored for every k; 32 zmm for AVX-512: 6×4).
#define SG_AVX2_ROWS 2
#define SG_AVX2_VECTORS 4
#define SG_AVX512_ROWS 6
#define SG_AVX512_VECTORS 4

#define SG_MIN(x, y) ((x) < (y) ? (x) : (y))

#define SG_CASE_V(NAME, R, VMAX)                                                                                    \
    switch (V) {                                                                                                     \
    case 1: NAME##_block(R, 1, ai, a_row, a_column, panel, p, ci, n, w); break;                                      \
    case 2: NAME##_block(R, SG_MIN(2, VMAX), ai, a_row, a_column, panel, p, ci, n, w); break;                        \
    case 3: NAME##_block(R, SG_MIN(3, VMAX), ai, a_row, a_column, panel, p, ci, n, w); break;                        \
    default: NAME##_block(R, VMAX, ai, a_row, a_column, panel, p, ci, n, w); break;                                  \
    }

#define SG_BLOCK(NAME, TARGET, RMAX, VMAX, VEC, L, ZERO, LOAD, STORE, BROADCAST, MUL, ADD)                           \
    TARGET static inline __attribute__((always_inline)) void NAME##_block(                                            \
        int R, int V, const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *panel, ptrdiff_t p,        \
        double *c, ptrdiff_t n, ptrdiff_t w) {                                                                       \
        VEC acc[RMAX][VMAX];                                                                                         \
        for (int r = 0; r < R; r++)                                                                                  \
            for (int v = 0; v < V; v++) acc[r][v] = ZERO;                                                            \
        for (ptrdiff_t k = 0; k < p; k++) {                                                                          \
            const double *pk = panel + k * (V * L);                                                                  \
            VEC bv[VMAX];                                                                                            \
            for (int v = 0; v < V; v++) bv[v] = LOAD(pk + v * L);                                                   \
            for (int r = 0; r < R; r++) {                                                                            \
                VEC f = BROADCAST(a[r * a_row + k * a_column]);                                                      \
                for (int v = 0; v < V; v++) acc[r][v] = ADD(acc[r][v], MUL(f, bv[v]));                               \
            }                                                                                                        \
        }                                                                                                            \
        if (w == V * L) {                                                                                            \
            for (int r = 0; r < R; r++)                                                                              \
                for (int v = 0; v < V; v++) STORE(c + r * n + v * L, acc[r][v]);                                     \
        } else {                                                                                                     \
            double tmp[VMAX * L] __attribute__((aligned(64)));                                                       \
            for (int r = 0; r < R; r++) {                                                                            \
                for (int v = 0; v < V; v++) STORE(tmp + v * L, acc[r][v]);                                           \
                memcpy(c + r * n, tmp, (size_t)w * sizeof(double));                                                  \
            }                                                                                                        \
        }                                                                                                            \
    }                                                                                                                \
    /* Columns of one panel (packed, or b itself), `V` vectors wide (the last may be narrower), for every row. */  \
    TARGET static void NAME##_panel(int V, const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *panel, \
                                    ptrdiff_t p, double *c, ptrdiff_t m, ptrdiff_t n, ptrdiff_t w) {                 \
        ptrdiff_t i = 0;                                                                                             \
        for (; i + RMAX <= m; i += RMAX) {                                                                           \
            const double *ai = a + i * a_row;                                                                        \
            double *ci = c + i * n;                                                                                  \
            SG_CASE_V(NAME, RMAX, VMAX)                                                                              \
        }                                                                                                            \
        if (i < m) {                                                                                                 \
            const double *ai = a + i * a_row;                                                                        \
            double *ci = c + i * n;                                                                                  \
            switch (m - i) {                                                                                         \
            case 1: SG_CASE_V(NAME, 1, VMAX) break;                                                                  \
            case 2: SG_CASE_V(NAME, SG_MIN(2, RMAX), VMAX) break;                                                    \
            case 3: SG_CASE_V(NAME, SG_MIN(3, RMAX), VMAX) break;                                                    \
            case 4: SG_CASE_V(NAME, SG_MIN(4, RMAX), VMAX) break;                                                    \
            default: SG_CASE_V(NAME, SG_MIN(5, RMAX), VMAX) break;                                                   \
            }                                                                                                        \
        }                                                                                                            \
    }

#ifdef SG_X86
#define SG_AVX2_TARGET __attribute__((target("avx2")))
SG_BLOCK(avx2, SG_AVX2_TARGET, SG_AVX2_ROWS, SG_AVX2_VECTORS, __m256d, 4, _mm256_setzero_pd(), _mm256_loadu_pd,
         _mm256_storeu_pd, _mm256_set1_pd, _mm256_mul_pd, _mm256_add_pd)
#define SG_AVX512_TARGET __attribute__((target("avx512f")))
SG_BLOCK(avx512, SG_AVX512_TARGET, SG_AVX512_ROWS, SG_AVX512_VECTORS, __m512d, 8, _mm512_setzero_pd(), _mm512_loadu_pd,
         _mm512_storeu_pd, _mm512_set1_pd, _mm512_mul_pd, _mm512_add_pd)
#endif

// MARK: - The product

void sg_multiply(int path, const double *a, ptrdiff_t a_row, ptrdiff_t a_column,
                 const double *b, ptrdiff_t b_row, ptrdiff_t b_column,
                 double *c, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n) {
    if (m <= 0 || n <= 0) return;
    if (m == 1 && b_column != 1) {
        row_dots(a, a_column, b, b_column, c, p, n);
        return;
    }
    if (n <= 8) {
        narrow(a, a_row, a_column, b, b_row, b_column, c, m, p, n);
        return;
    }
    if (path == SG_PORTABLE) {
        reference(a, a_row, a_column, b, b_row, b_column, c, m, p, n, 0, n);
        return;
    }
#ifdef SG_X86
    // Below a few thousand products the packing costs more than the vectors save; the reference
    // loop then runs in the path's vectors, over a copy of b with contiguous rows if b's are not.
    if (m * n * p < 2048 || m < 2) {
        const double *rows = b;
        ptrdiff_t rows_row = b_row;
        if (b_column != 1) {
            double *copy = panel_buffer((size_t)(p * n));
            if (copy) {
                for (ptrdiff_t k = 0; k < p; k++)
                    for (ptrdiff_t j = 0; j < n; j++) copy[k * n + j] = B(k, j);
                rows = copy;
                rows_row = n;
            } else {
                rows_row = -1;
            }
        }
        if (rows_row < 0) reference(a, a_row, a_column, b, b_row, b_column, c, m, p, n, 0, n);
        else if (path == SG_AVX512 && n <= 32) reference_registers_avx512(a, a_row, a_column, rows, rows_row, c, m, p, n);
        else if (path == SG_AVX512) reference_avx512(a, a_row, a_column, rows, rows_row, 1, c, m, p, n, 0, n);
        else reference_avx2(a, a_row, a_column, rows, rows_row, 1, c, m, p, n, 0, n);
        return;
    }
    int lanes = path == SG_AVX512 ? 8 : 4;
    int widest = path == SG_AVX512 ? SG_AVX512_VECTORS * 8 : SG_AVX2_VECTORS * 4;
    double *panel = panel_buffer((size_t)(p * widest));
    if (!panel) {
        reference(a, a_row, a_column, b, b_row, b_column, c, m, p, n, 0, n);
        return;
    }
    for (ptrdiff_t j0 = 0; j0 < n; j0 += widest) {
        ptrdiff_t w = n - j0 < widest ? n - j0 : widest;
        int vectors = (int)((w + lanes - 1) / lanes);
        // A b of contiguous rows exactly one panel wide (∂W's activations, 8, 16, 24 or 32 units) is
        // laid out as its packed panel would be: read in place, only checked for ∞ and NaN.
        const double *source = panel;
        int finite;
        if (b_column == 1 && b_row == n && n == vectors * lanes) {
            source = b;
            finite = sg_all_finite(path, b, p * n);
        } else {
            finite = path == SG_AVX512 ? pack_avx512(b, b_row, b_column, p, j0, w, vectors * lanes, panel)
                                       : pack_avx2(b, b_row, b_column, p, j0, w, vectors * lanes, panel);
        }
        if (!finite) {
            reference(a, a_row, a_column, b, b_row, b_column, c, m, p, n, j0, j0 + w);
            continue;
        }
        if (path == SG_AVX512) avx512_panel(vectors, a, a_row, a_column, source, p, c + j0, m, n, w);
        else avx2_panel(vectors, a, a_row, a_column, source, p, c + j0, m, n, w);
    }
#else
    reference(a, a_row, a_column, b, b_row, b_column, c, m, p, n, 0, n);
#endif
}

// MARK: - Paper zero's first pass

/// How many elements of c pass `0 < |c(i,j)| ≤ max(bound(i,j) · 2⁻⁵⁰, 2⁻¹⁰⁰⁰)` with
/// `bound(i,j) = rows[i] · columns[j] + bias[j]`: PaperZero's cheap test, made for every element after
/// every product, without branches (on bit patterns, which order non-negative doubles as their
/// values; a NaN threshold passes everything). Compiled once per path so that it runs in its vectors.
#define SG_CANDIDATES(NAME, TARGET)                                                                                 \
    TARGET static ptrdiff_t NAME(const double *c, ptrdiff_t m, ptrdiff_t n, const double *rows, const double *columns, \
                                 const double *bias) {                                                              \
        ptrdiff_t count = 0;                                                                                         \
        for (ptrdiff_t i = 0; i < m; i++) {                                                                          \
            const double *row = c + i * n;                                                                           \
            double r = rows[i];                                                                                      \
            for (ptrdiff_t j = 0; j < n; j++) {                                                                      \
                double bound = r * columns[j] + bias[j], scaled = bound * 0x1p-50;                                   \
                double threshold = 0x1p-1000 >= scaled ? 0x1p-1000 : scaled;                                         \
                double magnitude = fabs(row[j]);                                                                     \
                uint64_t t, v;                                                                                       \
                memcpy(&t, &threshold, sizeof t);                                                                    \
                memcpy(&v, &magnitude, sizeof v);                                                                    \
                count += v - 1 < t;                                                                                  \
            }                                                                                                        \
        }                                                                                                            \
        return count;                                                                                                \
    }

SG_CANDIDATES(candidates, )
#ifdef SG_X86
SG_CANDIDATES(candidates_avx2, __attribute__((target("avx2"))))

/// max(scaled, tiny) as PaperZero takes it: `tiny ≥ scaled ? tiny : scaled` (NaN for a NaN scaled).
__attribute__((target("avx512f"))) static inline __m512d threshold(__m512d scaled, __m512d tiny) {
    return _mm512_mask_blend_pd(_mm512_cmp_pd_mask(tiny, scaled, _CMP_GE_OQ), scaled, tiny);
}

/// The same test in AVX-512's own terms: eight elements a vector with a masked tail, counted from
/// the comparison masks, so that a short row (the engine's are 2 to 64 wide) costs no reduction.
__attribute__((target("avx512f"))) static ptrdiff_t candidates_avx512(const double *c, ptrdiff_t m, ptrdiff_t n,
                                                                      const double *rows, const double *columns,
                                                                      const double *bias) {
    const __m512d tiny = _mm512_set1_pd(0x1p-1000), scale = _mm512_set1_pd(0x1p-50);
    const __m512i one = _mm512_set1_epi64(1), magnitude = _mm512_set1_epi64(0x7FFFFFFFFFFFFFFF);
    ptrdiff_t count = 0;
    // Eight elements with their rows' and columns' bounds: whether they pass the test.
#define SG_PASS(lanes, r, columns, bias, elements)                                                                   \
    _mm512_mask_cmplt_epu64_mask(                                                                                    \
        lanes,                                                                                                       \
        _mm512_sub_epi64(_mm512_and_si512(_mm512_castpd_si512(elements), magnitude), one),                           \
        /* tiny ≥ scaled is false for a NaN, which then stays the threshold, as above. */                            \
        _mm512_castpd_si512(threshold(_mm512_mul_pd(_mm512_add_pd(_mm512_mul_pd(r, columns), bias), scale), tiny)))
    ptrdiff_t i = 0;
    if (n == 1 || n == 2 || n == 4) {
        // A narrow c: 8/n whole rows a vector, each lane given its row's and its column's bound.
        const __m512i lane = _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7), width = _mm512_set1_epi64(n);
        const __m512i laneRow = _mm512_srli_epi64(lane, n == 1 ? 0 : n == 2 ? 1 : 2);
        const __m512i laneColumn = _mm512_and_si512(lane, _mm512_sub_epi64(width, one));
        const __m512d cols = _mm512_permutexvar_pd(laneColumn, _mm512_maskz_loadu_pd(sg_lanes(n), columns));
        const __m512d bia = _mm512_permutexvar_pd(laneColumn, _mm512_maskz_loadu_pd(sg_lanes(n), bias));
        const ptrdiff_t per = 8 / n;
        for (; i + per <= m; i += per) {
            __m512d r = _mm512_permutexvar_pd(laneRow, _mm512_maskz_loadu_pd(sg_lanes(per), rows + i));
            count += __builtin_popcount(SG_PASS(0xFF, r, cols, bia, _mm512_loadu_pd(c + i * n)));
        }
    }
    for (; i < m; i++) {
        const double *row = c + i * n;
        const __m512d r = _mm512_set1_pd(rows[i]);
        for (ptrdiff_t j = 0; j < n; j += 8) {
            __mmask8 lanes = sg_lanes(n - j);
            count += __builtin_popcount(SG_PASS(lanes, r, _mm512_maskz_loadu_pd(lanes, columns + j), _mm512_maskz_loadu_pd(lanes, bias + j),
                                                _mm512_maskz_loadu_pd(lanes, row + j)));
        }
    }
#undef SG_PASS
    return count;
}
#endif

ptrdiff_t sg_snap_candidates(int path, const double *c, ptrdiff_t m, ptrdiff_t n, const double *rows, const double *columns,
                             const double *bias) {
#ifdef SG_X86
    if (path == SG_AVX512) return candidates_avx512(c, m, n, rows, columns, bias);
    if (path == SG_AVX2) return candidates_avx2(c, m, n, rows, columns, bias);
#endif
    return candidates(c, m, n, rows, columns, bias);
}

/// PaperZero's bounds on Σ|terms|: each row's Σₖ |a(i,k)| in increasing k, and each column's
/// maxₖ |b(k,j)| from 0, passing over NaN, as Swift's `max` does (`v > max ? v : max` is the same
/// there: two equal magnitudes have the same bits). Where a column of a, or a row of b, is
/// contiguous, eight rows' (columns') run side by side in registers; otherwise each is its own
/// chain, four at a time so that the chains overlap.
#define SG_SNAP_BOUNDS(NAME, TARGET)                                                                                \
    TARGET static void NAME(const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,  \
                            ptrdiff_t b_column, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n, double *row_sums,             \
                            double *column_maxima) {                                                                 \
        ptrdiff_t i = 0;                                                                                             \
        if (a_row == 1) {                                                                                            \
            for (; i + 16 <= m; i += 16) { /* two vectors' chains, overlapping */                                    \
                double t[16] = {0};                                                                                  \
                for (ptrdiff_t k = 0; k < p; k++)                                                                    \
                    for (int r = 0; r < 16; r++) t[r] = t[r] + fabs(a[i + r + k * a_column]);                        \
                for (int r = 0; r < 16; r++) row_sums[i + r] = t[r];                                                 \
            }                                                                                                        \
            for (; i + 8 <= m; i += 8) {                                                                             \
                double t[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                                              \
                for (ptrdiff_t k = 0; k < p; k++)                                                                    \
                    for (int r = 0; r < 8; r++) t[r] = t[r] + fabs(a[i + r + k * a_column]);                         \
                for (int r = 0; r < 8; r++) row_sums[i + r] = t[r];                                                  \
            }                                                                                                        \
        } else {                                                                                                     \
            for (; i + 4 <= m; i += 4) {                                                                             \
                double t[4] = {0, 0, 0, 0};                                                                          \
                for (ptrdiff_t k = 0; k < p; k++)                                                                    \
                    for (int r = 0; r < 4; r++) t[r] = t[r] + fabs(A(i + r, k));                                     \
                for (int r = 0; r < 4; r++) row_sums[i + r] = t[r];                                                  \
            }                                                                                                        \
        }                                                                                                            \
        for (; i < m; i++) {                                                                                         \
            double t = 0;                                                                                            \
            for (ptrdiff_t k = 0; k < p; k++) t = t + fabs(A(i, k));                                                 \
            row_sums[i] = t;                                                                                         \
        }                                                                                                            \
        /* A maximum is exact, so its order is free: chains over alternate k, side by side. */                     \
        ptrdiff_t j = 0;                                                                                             \
        int side = b_column == 1 ? 8 : 4;                                                                            \
        for (; j + side <= n; j += side) {                                                                           \
            double x[8] = {0, 0, 0, 0, 0, 0, 0, 0}, y[8] = {0, 0, 0, 0, 0, 0, 0, 0};                                 \
            ptrdiff_t k = 0;                                                                                         \
            if (side == 8) {                                                                                         \
                double z[8] = {0, 0, 0, 0, 0, 0, 0, 0}, u[8] = {0, 0, 0, 0, 0, 0, 0, 0};                             \
                for (; k + 4 <= p; k += 4)                                                                           \
                    for (int c = 0; c < 8; c++) {                                                                    \
                        double v = fabs(b[k * b_row + j + c]), w = fabs(b[(k + 1) * b_row + j + c]);                 \
                        double v2 = fabs(b[(k + 2) * b_row + j + c]), w2 = fabs(b[(k + 3) * b_row + j + c]);         \
                        x[c] = v > x[c] ? v : x[c];                                                                  \
                        y[c] = w > y[c] ? w : y[c];                                                                  \
                        z[c] = v2 > z[c] ? v2 : z[c];                                                                \
                        u[c] = w2 > u[c] ? w2 : u[c];                                                                \
                    }                                                                                                \
                for (int c = 0; c < 8; c++) {                                                                        \
                    x[c] = z[c] > x[c] ? z[c] : x[c];                                                                \
                    y[c] = u[c] > y[c] ? u[c] : y[c];                                                                \
                }                                                                                                    \
            } else {                                                                                                 \
                for (; k + 2 <= p; k += 2)                                                                           \
                    for (int c = 0; c < 4; c++) {                                                                    \
                        double v = fabs(B(k, j + c)), w = fabs(B(k + 1, j + c));                                     \
                        x[c] = v > x[c] ? v : x[c];                                                                  \
                        y[c] = w > y[c] ? w : y[c];                                                                  \
                    }                                                                                                \
            }                                                                                                        \
            for (; k < p; k++)                                                                                       \
                for (int c = 0; c < side; c++) {                                                                     \
                    double v = fabs(B(k, j + c));                                                                    \
                    x[c] = v > x[c] ? v : x[c];                                                                      \
                }                                                                                                    \
            for (int c = 0; c < side; c++) column_maxima[j + c] = y[c] > x[c] ? y[c] : x[c];                         \
        }                                                                                                            \
        /* The last columns one at a time, each in four chains over k (a narrow b: ∂W of two inputs). */           \
        for (; j < n; j++) {                                                                                         \
            double x[4] = {0, 0, 0, 0};                                                                              \
            ptrdiff_t k = 0;                                                                                         \
            for (; k + 4 <= p; k += 4)                                                                               \
                for (int q = 0; q < 4; q++) {                                                                        \
                    double v = fabs(B(k + q, j));                                                                    \
                    x[q] = v > x[q] ? v : x[q];                                                                      \
                }                                                                                                    \
            for (; k < p; k++) {                                                                                     \
                double v = fabs(B(k, j));                                                                            \
                x[0] = v > x[0] ? v : x[0];                                                                          \
            }                                                                                                        \
            double low = x[1] > x[0] ? x[1] : x[0], high = x[3] > x[2] ? x[3] : x[2];                                \
            column_maxima[j] = high > low ? high : low;                                                              \
        }                                                                                                            \
    }

SG_SNAP_BOUNDS(snap_bounds, )
#ifdef SG_X86
SG_SNAP_BOUNDS(snap_bounds_avx2, __attribute__((target("avx2"))))
SG_SNAP_BOUNDS(snap_bounds_avx512, __attribute__((target("avx512f"))))
#endif

#ifdef SG_X86
/// The row sums of a row-major a (each row contiguous in k), eight rows at a time: eight k of each
/// transposed in registers, so that each lane adds up its own row, still in increasing k from +0.
/// A row-major a's rows are otherwise separate chains of additions, four at a time. Returns how
/// many rows it summed (a multiple of eight); `snap_bounds` does the rest.
__attribute__((target("avx512f"))) static ptrdiff_t row_sums_avx512(const double *a, ptrdiff_t a_row, ptrdiff_t m, ptrdiff_t p,
                                                                    double *row_sums) {
    ptrdiff_t i = 0;
    for (; i + 8 <= m; i += 8) {
        __m512d sums = _mm512_setzero_pd();
        for (ptrdiff_t k0 = 0; k0 < p; k0 += 8) {
            const __mmask8 ks = sg_lanes(p - k0);
            __m512d r[8], o[8];
            for (int q = 0; q < 8; q++) r[q] = _mm512_maskz_loadu_pd(ks, a + (i + q) * a_row + k0);
            transpose8_avx512(r, o);
            for (ptrdiff_t q = 0; q < 8 && k0 + q < p; q++) sums = _mm512_add_pd(sums, _mm512_abs_pd(o[q]));
        }
        _mm512_storeu_pd(row_sums + i, sums);
    }
    return i;
}
#endif

void sg_snap_bounds(int path, const double *a, ptrdiff_t a_row, ptrdiff_t a_column, const double *b, ptrdiff_t b_row,
                    ptrdiff_t b_column, ptrdiff_t m, ptrdiff_t p, ptrdiff_t n, double *row_sums, double *column_maxima) {
#ifdef SG_X86
    if (path == SG_AVX512 && a_column == 1 && a_row != 1 && p >= 4) {
        // The rows summed here, then the rest of the rows and the columns' maxima as usual.
        ptrdiff_t done = row_sums_avx512(a, a_row, m, p, row_sums);
        snap_bounds_avx512(a + done * a_row, a_row, a_column, b, b_row, b_column, m - done, p, n, row_sums + done, column_maxima);
        return;
    }
    if (path == SG_AVX512) { snap_bounds_avx512(a, a_row, a_column, b, b_row, b_column, m, p, n, row_sums, column_maxima); return; }
    if (path == SG_AVX2) { snap_bounds_avx2(a, a_row, a_column, b, b_row, b_column, m, p, n, row_sums, column_maxima); return; }
#endif
    snap_bounds(a, a_row, a_column, b, b_row, b_column, m, p, n, row_sums, column_maxima);
}

// MARK: - Whole buffers

/// Whether no element is ∞ or NaN (`exponent_carry`), in the path's vectors.
#define SG_ALL_FINITE(NAME, TARGET)                                                                                 \
    TARGET static int NAME(const double *x, ptrdiff_t count) {                                                       \
        uint64_t carried = 0;                                                                                        \
        for (ptrdiff_t i = 0; i < count; i++) carried |= exponent_carry(x[i]);                                       \
        return (carried >> 63) == 0;                                                                                 \
    }

SG_ALL_FINITE(all_finite, )
#ifdef SG_X86
SG_ALL_FINITE(all_finite_avx2, __attribute__((target("avx2"))))
SG_ALL_FINITE(all_finite_avx512, __attribute__((target("avx512f"))))
#endif

int sg_all_finite(int path, const double *x, ptrdiff_t count) {
#ifdef SG_X86
    if (path == SG_AVX512) return all_finite_avx512(x, count);
    if (path == SG_AVX2) return all_finite_avx2(x, count);
#endif
    return all_finite(x, count);
}

/// Each column's sum and the sum of its magnitudes, rows in increasing order from +0: a row at a
/// time across the columns, so that the columns' sums run side by side in the path's vectors (each
/// lane one column's own sum). The magnitudes are PaperZero's Σ|terms| of a bias gradient.
#define SG_COLUMN_SUMS(NAME, TARGET)                                                                                \
    TARGET static void NAME(const double *x, ptrdiff_t rows, ptrdiff_t columns, double *sums, double *magnitudes) {   \
        for (ptrdiff_t j0 = 0; j0 < columns; j0 += 32) {                                                             \
            ptrdiff_t w = columns - j0 < 32 ? columns - j0 : 32;                                                     \
            double s[32], m[32];                                                                                     \
            for (ptrdiff_t j = 0; j < w; j++) s[j] = m[j] = 0;                                                       \
            for (ptrdiff_t r = 0; r < rows; r++) {                                                                   \
                const double *row = x + r * columns + j0;                                                            \
                for (ptrdiff_t j = 0; j < w; j++) { s[j] = s[j] + row[j]; m[j] = m[j] + fabs(row[j]); }              \
            }                                                                                                        \
            for (ptrdiff_t j = 0; j < w; j++) { sums[j0 + j] = s[j]; magnitudes[j0 + j] = m[j]; }                    \
        }                                                                                                            \
    }

SG_COLUMN_SUMS(column_sums, )
#ifdef SG_X86
SG_COLUMN_SUMS(column_sums_avx2, __attribute__((target("avx2"))))

/// The same sums with 32 columns' kept in registers while the rows run (masked at the edge),
/// rather than in memory that each row reads back.
__attribute__((target("avx512f"))) static void column_sums_avx512(const double *x, ptrdiff_t rows, ptrdiff_t columns,
                                                                   double *sums, double *magnitudes) {
    for (ptrdiff_t j0 = 0; j0 < columns; j0 += 32) {
        const ptrdiff_t left = columns - j0;
        const __mmask8 lanes[4] = {sg_lanes(left), sg_lanes(left - 8), sg_lanes(left - 16), sg_lanes(left - 24)};
        __m512d s[4], m[4];
        for (int v = 0; v < 4; v++) s[v] = m[v] = _mm512_setzero_pd();
        for (ptrdiff_t r = 0; r < rows; r++) {
            const double *row = x + r * columns + j0;
            for (int v = 0; v < 4; v++) {
                __m512d value = _mm512_maskz_loadu_pd(lanes[v], row + 8 * v);
                s[v] = _mm512_add_pd(s[v], value);
                m[v] = _mm512_add_pd(m[v], _mm512_abs_pd(value));
            }
        }
        for (int v = 0; v < 4; v++) {
            _mm512_mask_storeu_pd(sums + j0 + 8 * v, lanes[v], s[v]);
            _mm512_mask_storeu_pd(magnitudes + j0 + 8 * v, lanes[v], m[v]);
        }
    }
}
#endif

void sg_column_sums(int path, const double *x, ptrdiff_t rows, ptrdiff_t columns, double *sums, double *magnitudes) {
#ifdef SG_X86
    if (path == SG_AVX512) { column_sums_avx512(x, rows, columns, sums, magnitudes); return; }
    if (path == SG_AVX2) { column_sums_avx2(x, rows, columns, sums, magnitudes); return; }
#endif
    column_sums(x, rows, columns, sums, magnitudes);
}

// MARK: - The SGD step

/// Swift's `Double.ulp` of a magnitude m ≥ 0: NaN past the finite, the least subnormal below the
/// normal, else 2^(exponent − 52).
static double ulp_of(double m) {
    if (!isfinite(m)) return NAN;
    if (m < 0x1p-1022) return 0x1p-1074;
    int exponent;
    frexp(m, &exponent);  // m = f · 2^exponent, f in [½, 1)
    return ldexp(1.0, exponent - 53);
}

/// PaperZero.snapped: `sum`, or 0 when it is within 4 ulps of the magnitude its terms add up to
/// (PaperZero.swift states the rule; this is the same test, operation for operation).
static double paper_zero(double sum, double magnitude) {
    double scaled = magnitude * 0x1p-50;
    if (fabs(sum) > (0x1p-1000 >= scaled ? 0x1p-1000 : scaled)) return sum;  // Swift's max(scaled, 2⁻¹⁰⁰⁰)
    return fabs(sum) <= 4.0 * ulp_of(magnitude) ? 0.0 : sum;
}

/// One parameter's step, `SGDStep.element(p, step: g, learningRate: rate)`: p + (−(rate·g)) under
/// PaperZero's rule, for the lanes the vectors below leave to it.
static double sgd_element(double p, double g, double rate) {
    double step = rate * g;
    return paper_zero(p - step, fabs(p) + fabs(step));  // p + (−step), the same bits
}

static int sgd(double *p, const double *g, double rate, ptrdiff_t count) {
    int finite = 1;
    for (ptrdiff_t i = 0; i < count; i++) {
        p[i] = sgd_element(p[i], g[i], rate);
        finite &= isfinite(p[i]) != 0;
    }
    return finite;
}

#ifdef SG_X86
/// The rule's cheap test in vectors: a lane whose sum is past max(magnitude · 2⁻⁵⁰, 2⁻¹⁰⁰⁰) is no
/// residue and keeps its sum (the test fails for a NaN sum, as PaperZero's does); the rest, almost
/// never any, go through `sgd_element`, from their unchanged parameters.
__attribute__((target("avx512f"))) static int sgd_avx512(double *p, const double *g, double rate, ptrdiff_t count) {
    const __m512d r = _mm512_set1_pd(rate), scale = _mm512_set1_pd(0x1p-50), least = _mm512_set1_pd(0x1p-1000);
    const __m512d largest = _mm512_set1_pd(0x1.fffffffffffffp+1023);
    __mmask8 infinite = 0;
    int finite = 1;
    for (ptrdiff_t i = 0; i < count; i += 8) {
        const __mmask8 lanes = sg_lanes(count - i);
        __m512d x = _mm512_maskz_loadu_pd(lanes, p + i), step = _mm512_mul_pd(r, _mm512_maskz_loadu_pd(lanes, g + i));
        __m512d sum = _mm512_sub_pd(x, step), size = _mm512_abs_pd(sum);
        __m512d past = threshold(_mm512_mul_pd(_mm512_add_pd(_mm512_abs_pd(x), _mm512_abs_pd(step)), scale), least);
        __mmask8 kept = _mm512_cmp_pd_mask(size, past, _CMP_GT_OQ) & lanes;
        _mm512_mask_storeu_pd(p + i, kept, sum);
        infinite |= kept & ~_mm512_cmp_pd_mask(size, largest, _CMP_LE_OQ);
        for (unsigned rest = lanes & ~kept; rest; rest &= rest - 1) {
            ptrdiff_t t = i + __builtin_ctz(rest);
            p[t] = sgd_element(p[t], g[t], rate);
            finite &= isfinite(p[t]) != 0;
        }
    }
    return finite && !infinite;
}

__attribute__((target("avx2"))) static int sgd_avx2(double *p, const double *g, double rate, ptrdiff_t count) {
    const __m256d r = _mm256_set1_pd(rate), scale = _mm256_set1_pd(0x1p-50), least = _mm256_set1_pd(0x1p-1000);
    const __m256d largest = _mm256_set1_pd(0x1.fffffffffffffp+1023), sign = _mm256_set1_pd(-0.0);
    int infinite = 0, finite = 1;
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) {
        __m256d x = _mm256_loadu_pd(p + i), step = _mm256_mul_pd(r, _mm256_loadu_pd(g + i));
        __m256d sum = _mm256_sub_pd(x, step), size = _mm256_andnot_pd(sign, sum);
        __m256d magnitude = _mm256_add_pd(_mm256_andnot_pd(sign, x), _mm256_andnot_pd(sign, step));
        __m256d threshold = _mm256_max_pd(_mm256_mul_pd(magnitude, scale), least);
        __m256d keep = _mm256_cmp_pd(size, threshold, _CMP_GT_OQ);
        unsigned kept = (unsigned)_mm256_movemask_pd(keep);
        _mm256_maskstore_pd(p + i, _mm256_castpd_si256(keep), sum);
        infinite |= kept & ~(unsigned)_mm256_movemask_pd(_mm256_cmp_pd(size, largest, _CMP_LE_OQ));
        for (unsigned rest = 0xF & ~kept; rest; rest &= rest - 1) {
            ptrdiff_t t = i + __builtin_ctz(rest);
            p[t] = sgd_element(p[t], g[t], rate);
            finite &= isfinite(p[t]) != 0;
        }
    }
    return sgd(p + i, g + i, rate, count - i) && finite && !infinite;
}
#endif

int sg_sgd(int path, double *p, const double *g, double rate, ptrdiff_t count) {
#ifdef SG_X86
    if (path == SG_AVX512) return sgd_avx512(p, g, rate, count);
    if (path == SG_AVX2) return sgd_avx2(p, g, rate, count);
#endif
    return sgd(p, g, rate, count);
}
