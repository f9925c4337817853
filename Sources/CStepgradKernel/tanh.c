// tanh, the engine's own: the same bits on every path and every machine.
//
// Every hidden tanh layer takes tanh once per element, and the C library's costs about 13 ns a call
// on this kind of machine (its vectorised copy, which reproduced glibc's expm1 and its division, still
// 2.6 ns an element): most of a small network's training step. And the C library's bits are its own:
// another libm (macOS's, musl's, another glibc build) rounds differently in the last place, so an
// answer key made on one machine would differ from another's. This tanh is written once as a
// sequence of IEEE operations — products, sums, fused multiply-adds, one division, each correctly
// rounded by definition — and each path performs that same sequence: a scalar loop with C's `fma`,
// AVX2 with FMA, AVX-512. So every path, and every machine, gives the same bits, within 2 ulps of
// the exact tanh: TanhPathTests checks 4,000 inputs against mpmath's correctly rounded values, and
// 200,000 more measured in Python's decimal were at most 1.998 ulps off (glibc 2.36's, 1.963).
//
//   tanh|x| = −t / (2 + t),     t = expm1(−2|x|)     for 2⁻²⁷ ≤ |x| < 1 (below, tanh x = x)
//   tanh|x| = 1 − 2 / (2 + t),  t = expm1(2|x|)      for |x| ≥ 1, where 2/(2 + t) is small and
//                                                    its rounding costs less than −t's would
//   with  y = ±2|x| = k·ln2 + r,  |r| ≤ ½ln2,  p = expm1(r) by its Taylor series to r¹³,  s = 2ᵏ:
//   −t = −s·p + (1 − s)  and  2 + t = s·p + (s + 1),  each one fused multiply-add, rounded once
//
// (fdlibm's split, with a division-free expm1 whose last step is folded into the quotient.) |x| is
// clamped to 20, past which tanh rounds to 1 (and the scale 2ᵏ stays normal); NaN passes through
// every step as NaN.
#pragma STDC FP_CONTRACT OFF

#include "stepgrad_kernel.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

// ln 2 split so that k·LN2_HI is exact for |k| < 2²¹ (fdlibm's split), and 1/ln 2.
#define SG_LN2_HI 0x1.62e42feep-1
#define SG_LN2_LO 0x1.a39ef35793c76p-33
#define SG_INVLN2 0x1.71547652b82fep+0
#define SG_TINY 0x1p-27     // below, tanh x = x − x³/3 rounds to x
#define SG_LARGEST 20.0     // tanh 20 = 1 − 8.5·10⁻¹⁸, which rounds to 1

// 1/n! for n = 2…13, the Taylor coefficients of expm1 after r. The first left out, r¹⁴/14!, is under
// 0.15 ulp of expm1(r) for |r| ≤ ½ln2.
static const double sg_taylor[12] = {
    0x1p-1,                  // 1/2!
    0x1.5555555555555p-3,    // 1/3!
    0x1.5555555555555p-5,    // 1/4!
    0x1.1111111111111p-7,    // 1/5!
    0x1.6c16c16c16c17p-10,   // 1/6!
    0x1.a01a01a01a01ap-13,   // 1/7!
    0x1.a01a01a01a01ap-16,   // 1/8!
    0x1.71de3a556c734p-19,   // 1/9!
    0x1.27e4fb7789f5cp-22,   // 1/10!
    0x1.ae64567f544e4p-26,   // 1/11!
    0x1.1eed8eff8d898p-29,   // 1/12!
    0x1.6124613a86d09p-33,   // 1/13!
};

/// The scalar path, and the definition the vector paths follow operation for operation.
double sg_tanh1(double x) {
    double ax = fabs(x);
    if (!(ax >= SG_TINY)) return x;  // also NaN
    if (ax > SG_LARGEST) ax = SG_LARGEST;
    int large = ax >= 1.0;
    double y = (large ? 2.0 : -2.0) * ax;
    double k = nearbyint(y * SG_INVLN2);
    double r = fma(-k, SG_LN2_HI, y);
    r = fma(-k, SG_LN2_LO, r);
    double c = sg_taylor[11];
    for (int n = 10; n >= 0; n--) c = fma(c, r, sg_taylor[n]);
    double p = fma(c, r * r, r);
    double scale = ldexp(1.0, (int)k);
    double q = (large ? 2.0 : fma(-scale, p, 1.0 - scale)) / fma(scale, p, scale + 1.0);
    return copysign(large ? 1.0 - q : q, x);
}

#if defined(__x86_64__)
#define SG_AVX512_TARGET __attribute__((target("avx512f,fma")))
#define SG_AVX2_TARGET __attribute__((target("avx2,fma")))

// AVX-512F has its bitwise operations on integers only (the double ones are AVX-512DQ's).
#define SG_BITS(x) _mm512_castpd_si512(x)
#define SG_DOUBLES(x) _mm512_castsi512_pd(x)

SG_AVX512_TARGET static __m512d tanh8(__m512d x) {
    const __m512i signBit = _mm512_set1_epi64((long long)0x8000000000000000ull);
    __m512d ax = SG_DOUBLES(_mm512_andnot_si512(signBit, SG_BITS(x)));
    __mmask8 tiny = _mm512_cmp_pd_mask(ax, _mm512_set1_pd(SG_TINY), _CMP_NGE_UQ);  // also NaN
    ax = _mm512_min_pd(_mm512_set1_pd(SG_LARGEST), ax);  // NaN stays (the second operand's)
    __mmask8 large = _mm512_cmp_pd_mask(ax, _mm512_set1_pd(1.0), _CMP_GE_OQ);
    __m512d y = _mm512_mul_pd(_mm512_mask_blend_pd(large, _mm512_set1_pd(-2.0), _mm512_set1_pd(2.0)), ax);
    __m512d k = _mm512_roundscale_pd(_mm512_mul_pd(y, _mm512_set1_pd(SG_INVLN2)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512d r = _mm512_fnmadd_pd(k, _mm512_set1_pd(SG_LN2_HI), y);
    r = _mm512_fnmadd_pd(k, _mm512_set1_pd(SG_LN2_LO), r);
    __m512d c = _mm512_set1_pd(sg_taylor[11]);
    for (int n = 10; n >= 0; n--) c = _mm512_fmadd_pd(c, r, _mm512_set1_pd(sg_taylor[n]));
    __m512d p = _mm512_fmadd_pd(c, _mm512_mul_pd(r, r), r);
    __m512d scale = _mm512_scalef_pd(_mm512_set1_pd(1.0), k);
    __m512d minusT = _mm512_fnmadd_pd(scale, p, _mm512_sub_pd(_mm512_set1_pd(1.0), scale));
    __m512d q = _mm512_div_pd(_mm512_mask_blend_pd(large, minusT, _mm512_set1_pd(2.0)),
                              _mm512_fmadd_pd(scale, p, _mm512_add_pd(scale, _mm512_set1_pd(1.0))));
    __m512d z = _mm512_mask_blend_pd(large, q, _mm512_sub_pd(_mm512_set1_pd(1.0), q));
    z = SG_DOUBLES(_mm512_or_si512(SG_BITS(z), _mm512_and_si512(SG_BITS(x), signBit)));  // z ≥ 0: copysign
    return _mm512_mask_blend_pd(tiny, z, x);
}

SG_AVX512_TARGET static void tanh_avx512(const double *z, double *a, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i += 8) {
        __mmask8 lanes = count - i >= 8 ? 0xFF : (__mmask8)((1u << (count - i)) - 1);
        _mm512_mask_storeu_pd(a + i, lanes, tanh8(_mm512_maskz_loadu_pd(lanes, z + i)));
    }
}

SG_AVX2_TARGET static __m256d tanh4(__m256d x) {
    const __m256d signBit = _mm256_set1_pd(-0.0);
    __m256d ax = _mm256_andnot_pd(signBit, x);
    __m256d tiny = _mm256_cmp_pd(ax, _mm256_set1_pd(SG_TINY), _CMP_NGE_UQ);
    ax = _mm256_min_pd(_mm256_set1_pd(SG_LARGEST), ax);
    __m256d large = _mm256_cmp_pd(ax, _mm256_set1_pd(1.0), _CMP_GE_OQ);
    __m256d y = _mm256_mul_pd(_mm256_blendv_pd(_mm256_set1_pd(-2.0), _mm256_set1_pd(2.0), large), ax);
    __m256d k = _mm256_round_pd(_mm256_mul_pd(y, _mm256_set1_pd(SG_INVLN2)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256d r = _mm256_fnmadd_pd(k, _mm256_set1_pd(SG_LN2_HI), y);
    r = _mm256_fnmadd_pd(k, _mm256_set1_pd(SG_LN2_LO), r);
    __m256d c = _mm256_set1_pd(sg_taylor[11]);
    for (int n = 10; n >= 0; n--) c = _mm256_fmadd_pd(c, r, _mm256_set1_pd(sg_taylor[n]));
    __m256d p = _mm256_fmadd_pd(c, _mm256_mul_pd(r, r), r);
    // 2ᵏ from k's bits: k is an integer in [−58, 58] (or NaN, whose lanes end NaN through p).
    __m128i k32 = _mm256_cvtpd_epi32(k);
    __m256i exponent = _mm256_slli_epi64(_mm256_add_epi64(_mm256_cvtepi32_epi64(k32), _mm256_set1_epi64x(1023)), 52);
    __m256d scale = _mm256_castsi256_pd(exponent);
    __m256d minusT = _mm256_fnmadd_pd(scale, p, _mm256_sub_pd(_mm256_set1_pd(1.0), scale));
    __m256d q = _mm256_div_pd(_mm256_blendv_pd(minusT, _mm256_set1_pd(2.0), large),
                              _mm256_fmadd_pd(scale, p, _mm256_add_pd(scale, _mm256_set1_pd(1.0))));
    __m256d z = _mm256_blendv_pd(q, _mm256_sub_pd(_mm256_set1_pd(1.0), q), large);
    z = _mm256_or_pd(z, _mm256_and_pd(x, signBit));
    return _mm256_blendv_pd(z, x, tiny);
}

SG_AVX2_TARGET static void tanh_avx2(const double *z, double *a, ptrdiff_t count) {
    ptrdiff_t i = 0;
    for (; i + 4 <= count; i += 4) _mm256_storeu_pd(a + i, tanh4(_mm256_loadu_pd(z + i)));
    for (; i < count; i++) a[i] = sg_tanh1(z[i]);
}

int sg_has_fma(void) {
    unsigned eax, ebx, ecx, edx;
    return __get_cpuid(1, &eax, &ebx, &ecx, &edx) && ((ecx >> 12) & 1);
}
#else
int sg_has_fma(void) { return 0; }
#endif

void sg_tanh(int path, const double *z, double *a, ptrdiff_t count) {
#if defined(__x86_64__)
    if (path == SG_AVX512) { tanh_avx512(z, a, count); return; }
    if (path == SG_AVX2) { tanh_avx2(z, a, count); return; }
#endif
    for (ptrdiff_t i = 0; i < count; i++) a[i] = sg_tanh1(z[i]);
}
