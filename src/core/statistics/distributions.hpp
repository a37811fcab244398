// Quantiles of the two distributions the confidence intervals need. Written here (no statistics
// library in Debian's C++ set that the project uses) and checked in the tests against published
// table values.
#pragma once

namespace rapport {

// The standard normal quantile: Φ⁻¹(p) for 0 < p < 1 (Acklam's rational approximation refined by
// one Halley step; relative error below 1e-12).
double normalQuantile(double p);

// The regularised incomplete beta function I_x(a, b), 0 <= x <= 1, a, b > 0.
double incompleteBeta(double x, double a, double b);

// The quantile of the F distribution with (d1, d2) degrees of freedom: the x with
// P(F <= x) = p, 0 < p < 1, d1, d2 > 0.
double fQuantile(double p, double d1, double d2);

}  // namespace rapport
