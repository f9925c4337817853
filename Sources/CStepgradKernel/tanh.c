// tanh eight lanes at a time, bit for bit what the C library's tanh gives.
//
// Every hidden tanh layer calls tanh once per element, and the C library's tanh costs about 13 ns
// a call on this kind of machine: most of a small network's training step. The AVX-512 path below
// is the C library's own algorithm — glibc's tanh (fdlibm's, over expm1), with expm1 as glibc
// builds it for processors with FMA (the variant its dispatcher picks on them) — written across
// lanes: the same operations in the same order, the same fused multiply-adds where that build has
// them and nowhere else, each branch computed for every lane and the right one kept. IEEE
// arithmetic rounds a lane as it rounds a scalar, so each lane gets the scalar's bits.
//
// A different C library (another glibc version, or the variant without FMA) may round differently,
// so `sg_tanh_agrees` compares this path with the library's tanh on inputs that reach every branch,
// and the engine uses the path only where they agree (see Kernel.swift).
#pragma STDC FP_CONTRACT OFF

#include "stepgrad_kernel.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

// fdlibm's constants (glibc's s_expm1.c), checked against the values in libm.so's code.
#define SG_LN2_HI 0x1.62e42feep-1
#define SG_LN2_LO 0x1.a39ef35793c76p-33
#define SG_INVLN2 0x1.71547652b82fep+0
#define SG_Q1 -0x1.11111111110f4p-5
#define SG_Q2 0x1.a01a019fe5585p-10
#define SG_Q3 -0x1.4ce199eaadbb7p-14
#define SG_Q4 0x1.0cfca86e65239p-18
#define SG_Q5 -0x1.afdb76e09c32dp-23

#define SG_TANH_TARGET __attribute__((target("avx512f,fma")))

SG_TANH_TARGET static inline __m512d bits_to_pd(__m512i v) { return _mm512_castsi512_pd(v); }
SG_TANH_TARGET static inline __m512i pd_to_bits(__m512d v) { return _mm512_castpd_si512(v); }

/// expm1 of 8 arguments that tanh passes it: 2|x| for 1 ≤ |x| < 22 (in [2, 44)) or −2|x| for
/// 2⁻⁵⁵ ≤ |x| < 1 (in (−2, −2⁻⁵⁴]). Branches of expm1 that these never reach (|arg| < 2⁻⁵⁴, k = 1,
/// arguments below −56 ln 2 or past overflow) are left out.
SG_TANH_TARGET static __m512d expm1_tanh_range(__m512d arg) {
    const __m512d half = _mm512_set1_pd(0.5), one = _mm512_set1_pd(1.0);
    __m512i abits = _mm512_and_si512(pd_to_bits(arg), _mm512_set1_epi64(0x7fffffffffffffffLL));
    __mmask8 negative = _mm512_cmp_pd_mask(arg, _mm512_setzero_pd(), _CMP_LT_OQ);
    // The reduction by the high word of |arg|, as fdlibm tests it.
    __mmask8 general = _mm512_cmp_epu64_mask(abits, _mm512_set1_epi64(0x3FF0A2B200000000LL), _MM_CMPINT_NLT);
    __mmask8 reduced = _mm512_cmp_epu64_mask(abits, _mm512_set1_epi64(0x3fd62e4300000000LL), _MM_CMPINT_NLT);
    __mmask8 minusOne = reduced & ~general;  // only negative arguments reach |arg| < 1.5 ln 2 here

    // General: k = (int)(arg/ln2 ± 0.5), hi = arg − k·ln2_hi (fused), lo = k·ln2_lo.
    __m512d rounding = _mm512_mask_blend_pd(negative, half, _mm512_set1_pd(-0.5));
    __m256i k32 = _mm512_cvttpd_epi32(_mm512_add_pd(rounding, _mm512_mul_pd(arg, _mm512_set1_pd(SG_INVLN2))));
    __m512d kd = _mm512_cvtepi32_pd(k32);
    __m512d hi = _mm512_fnmadd_pd(kd, _mm512_set1_pd(SG_LN2_HI), arg);
    __m512d lo = _mm512_mul_pd(kd, _mm512_set1_pd(SG_LN2_LO));
    // |arg| in (0.5 ln 2, 1.5 ln 2), arg < 0: k = −1, hi = arg + ln2_hi, lo = −ln2_lo.
    hi = _mm512_mask_blend_pd(minusOne, hi, _mm512_add_pd(arg, _mm512_set1_pd(SG_LN2_HI)));
    lo = _mm512_mask_blend_pd(minusOne, lo, _mm512_set1_pd(-SG_LN2_LO));
    __m512i k = _mm512_cvtepi32_epi64(k32);
    k = _mm512_mask_blend_epi64(minusOne, k, _mm512_set1_epi64(-1));
    k = _mm512_maskz_mov_epi64(reduced, k);  // k = 0 below 0.5 ln 2

    __m512d xr = _mm512_sub_pd(hi, lo);
    __m512d c = _mm512_sub_pd(_mm512_sub_pd(hi, xr), lo);
    xr = _mm512_mask_blend_pd(reduced, arg, xr);

    // The primary range, with the fused multiply-adds of glibc's FMA build.
    __m512d hfx = _mm512_mul_pd(xr, half);
    __m512d hxs = _mm512_mul_pd(xr, hfx);
    __m512d R2 = _mm512_fmadd_pd(hxs, _mm512_set1_pd(SG_Q3), _mm512_set1_pd(SG_Q2));
    __m512d R3 = _mm512_fmadd_pd(hxs, _mm512_set1_pd(SG_Q5), _mm512_set1_pd(SG_Q4));
    __m512d h2 = _mm512_mul_pd(hxs, hxs);
    __m512d R1 = _mm512_fmadd_pd(hxs, _mm512_set1_pd(SG_Q1), one);
    __m512d h4 = _mm512_mul_pd(h2, h2);
    __m512d r1 = _mm512_fmadd_pd(h4, R3, _mm512_fmadd_pd(h2, R2, R1));
    __m512d t = _mm512_fnmadd_pd(r1, hfx, _mm512_set1_pd(3.0));
    __m512d e = _mm512_mul_pd(_mm512_div_pd(_mm512_sub_pd(r1, t), _mm512_fnmadd_pd(xr, t, _mm512_set1_pd(6.0))), hxs);

    // k = 0: x − (x·e − hxs), fused.
    __m512d result = _mm512_sub_pd(xr, _mm512_fmsub_pd(e, xr, hxs));

    // k ≠ 0: e = (x·(e − c) − c) − hxs, the product and first difference fused.
    __m512d e2 = _mm512_sub_pd(_mm512_fmsub_pd(_mm512_sub_pd(e, c), xr, c), hxs);
    __m512d eMinusX = _mm512_sub_pd(e2, xr);
    __m512i kExponent = _mm512_slli_epi64(k, 52);  // k added to the exponent field (fdlibm adds k<<20 to the high word)
    // k = −1: 0.5·(x − e) − 0.5, fused.
    __m512d atMinusOne = _mm512_fmadd_pd(half, _mm512_sub_pd(xr, e2), _mm512_set1_pd(-0.5));
    // k ≤ −2 or k > 56: y = 1 − (e − x), scaled by 2^k, minus 1.
    __m512d wide = _mm512_sub_pd(bits_to_pd(_mm512_add_epi64(pd_to_bits(_mm512_sub_pd(one, eMinusX)), kExponent)), one);
    // 2 ≤ k < 20: t = 1 − 2^−k, y = t − (e − x), scaled.
    __m512i tLow = _mm512_slli_epi64(_mm512_sub_epi64(_mm512_set1_epi64(0x3ff00000),
                                                       _mm512_srlv_epi64(_mm512_set1_epi64(0x200000), k)), 32);
    __m512d small = bits_to_pd(_mm512_add_epi64(pd_to_bits(_mm512_sub_pd(bits_to_pd(tLow), eMinusX)), kExponent));
    // 20 ≤ k ≤ 56: t = 2^−k, y = (x − (e + t)) + 1, scaled.
    __m512i tHigh = _mm512_slli_epi64(_mm512_sub_epi64(_mm512_set1_epi64(0x3ff), k), 52);
    __m512d middle = _mm512_add_pd(_mm512_sub_pd(xr, _mm512_add_pd(e2, bits_to_pd(tHigh))), one);
    middle = bits_to_pd(_mm512_add_epi64(pd_to_bits(middle), kExponent));

    __mmask8 isMinusOne = _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(-1), _MM_CMPINT_EQ);
    __mmask8 isWide = _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(-2), _MM_CMPINT_LE)
                    | _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(56), _MM_CMPINT_NLE);
    __mmask8 isSmall = _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(2), _MM_CMPINT_NLT)
                     & _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(20), _MM_CMPINT_LT);
    __mmask8 isMiddle = _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(20), _MM_CMPINT_NLT)
                      & _mm512_cmp_epi64_mask(k, _mm512_set1_epi64(56), _MM_CMPINT_LE);
    result = _mm512_mask_blend_pd(isMinusOne, result, atMinusOne);
    result = _mm512_mask_blend_pd(isWide, result, wide);
    result = _mm512_mask_blend_pd(isSmall, result, small);
    result = _mm512_mask_blend_pd(isMiddle, result, middle);
    return result;
}

/// tanh of 8 values; lanes tanh answers without expm1 (|x| < 2⁻⁵⁵, ∞, NaN) are `*special` set.
SG_TANH_TARGET static __m512d tanh8(__m512d x, __mmask8 *special) {
    const __m512d one = _mm512_set1_pd(1.0), two = _mm512_set1_pd(2.0);
    __m512i sign = _mm512_and_si512(pd_to_bits(x), _mm512_set1_epi64((long long)0x8000000000000000ULL));
    __m512i bits = _mm512_andnot_si512(sign, pd_to_bits(x));
    __m512d ax = bits_to_pd(bits);
    __mmask8 large = _mm512_cmp_epu64_mask(bits, _mm512_set1_epi64(0x3ff0000000000000LL), _MM_CMPINT_NLT);   // |x| ≥ 1
    __mmask8 saturated = _mm512_cmp_epu64_mask(bits, _mm512_set1_epi64(0x4036000000000000LL), _MM_CMPINT_NLT);  // |x| ≥ 22
    *special = _mm512_cmp_epu64_mask(bits, _mm512_set1_epi64(0x3c80000000000000LL), _MM_CMPINT_LT)
             | _mm512_cmp_epu64_mask(bits, _mm512_set1_epi64(0x7ff0000000000000LL), _MM_CMPINT_NLT);
    // expm1(2|x|) for |x| ≥ 1, expm1(−2|x|) below; |x| ≥ 22 is given 1 − tiny = 1 further down.
    __m512d arg = _mm512_mask_blend_pd(large, _mm512_mul_pd(ax, _mm512_set1_pd(-2.0)), _mm512_add_pd(ax, ax));
    arg = _mm512_mask_blend_pd(saturated, arg, two);
    __m512d t = expm1_tanh_range(arg);
    __m512d denominator = _mm512_add_pd(t, two);
    // −t/(t + 2) below 1, 1 − 2/(t + 2) above: one division for both.
    __m512d minusT = bits_to_pd(_mm512_xor_si512(pd_to_bits(t), _mm512_set1_epi64((long long)0x8000000000000000ULL)));
    __m512d quotient = _mm512_div_pd(_mm512_mask_blend_pd(large, minusT, two), denominator);
    __m512d z = _mm512_mask_blend_pd(large, quotient, _mm512_sub_pd(one, quotient));
    z = _mm512_mask_blend_pd(saturated, z, _mm512_sub_pd(one, _mm512_set1_pd(1e-300)));
    return bits_to_pd(_mm512_xor_si512(pd_to_bits(z), sign));
}

SG_TANH_TARGET static void tanh_avx512(const double *z, double *a, ptrdiff_t count) {
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __mmask8 special;
        __m512d result = tanh8(_mm512_loadu_pd(z + i), &special);
        // Read all eight before writing: `a` may be `z`.
        double kept[8];
        if (special) for (int l = 0; l < 8; l++) kept[l] = z[i + l];
        _mm512_storeu_pd(a + i, result);
        if (special) for (int l = 0; l < 8; l++) if (special >> l & 1) a[i + l] = tanh(kept[l]);
    }
    if (i < count) {
        __mmask8 rest = (__mmask8)((1u << (count - i)) - 1), special;
        __m512d x = _mm512_mask_loadu_pd(_mm512_setzero_pd(), rest, z + i);
        double kept[8];
        _mm512_storeu_pd(kept, x);
        __m512d result = tanh8(x, &special);
        _mm512_mask_storeu_pd(a + i, rest, result);
        special &= rest;
        if (special) for (int l = 0; l < 8; l++) if (special >> l & 1) a[i + l] = tanh(kept[l]);
    }
}
#endif

void sg_tanh(int path, const double *z, double *a, ptrdiff_t count) {
#if defined(__x86_64__)
    if (path == SG_AVX512) {
        tanh_avx512(z, a, count);
        return;
    }
#endif
    for (ptrdiff_t i = 0; i < count; i++) a[i] = tanh(z[i]);
}

/// Inputs that reach every branch of tanh and of expm1 under it, and the boundaries between them.
static double probe(unsigned i) {
    // Boundaries: 2⁻⁵⁵, 0.25 ln 2, 0.75 ln 2, 1, the k steps of expm1 (k ln 2 / 2 ± ½ln 2/2),
    // 19.4 (k = 56), 22, and neighbours of each.
    static const double edges[] = {0x1p-55, 0x1p-54, 0.17328679513998632, 0.5198603854199589, 1.0, 1.5, 2.0, 5.0,
                                   6.9, 7.2, 13.5, 19.4, 19.45, 21.99, 22.0, 30.0};
    unsigned n = sizeof edges / sizeof edges[0];
    if (i < 6 * n) {
        double e = edges[i / 6];
        int step = (int)(i % 6) / 2 - 1;  // the value below, at and above the edge, for both signs
        double v = step < 0 ? nextafter(e, 0) : step > 0 ? nextafter(e, INFINITY) : e;
        return i % 2 ? -v : v;
    }
    // Then spread over the magnitudes: a splitmix64 sequence of exponents 2⁻⁶⁰…2⁵ and mantissas.
    uint64_t s = 0x9e3779b97f4a7c15ULL * (i + 1);
    s = (s ^ (s >> 30)) * 0xbf58476d1ce4e5b9ULL;
    s = (s ^ (s >> 27)) * 0x94d049bb133111ebULL;
    s ^= s >> 31;
    int exponent = (int)(s % 66) - 60;
    double mantissa = 1.0 + (double)(s >> 12) * 0x1p-52;
    return (s >> 11 & 1 ? -1.0 : 1.0) * ldexp(mantissa, exponent);
}

int sg_tanh_agrees(int path, int samples) {
#if defined(__x86_64__)
    unsigned eax, ebx, ecx, edx;
    // Every processor with AVX-512F has FMA, but the path runs only where the processor says so.
    if (path == SG_AVX512 && (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !((ecx >> 12) & 1))) return 0;
#endif
    double z[64], a[64];
    for (int start = 0; start < samples; start += 64) {
        int count = samples - start < 64 ? samples - start : 64;
        for (int i = 0; i < count; i++) z[i] = probe((unsigned)(start + i));
        sg_tanh(path, z, a, count);
        for (int i = 0; i < count; i++) {
            double expected = tanh(z[i]);
            if (memcmp(&expected, &a[i], sizeof expected) != 0) return 0;
        }
    }
    return 1;
}
