package io.vocmonitor.aggregates;

/**
 * Quantiles of Student's t distribution, for the Welch interval of a difference of means, whose degrees of freedom
 * are fractional. The distribution function comes from the regularised incomplete beta function (a continued
 * fraction, as in Numerical Recipes §6.4); the quantile is found by bisection to 1e-10.
 */
public final class StudentT {

    private StudentT() {
    }

    /** The t with P(T ≤ t) = p for {@code df} degrees of freedom (df > 0, 0 < p < 1). */
    public static double quantile(double p, double df) {
        if (!(df > 0) || !(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs df > 0 and 0 < p < 1, not df=" + df + ", p=" + p);
        }
        if (p == 0.5) {
            return 0;
        }
        if (p < 0.5) {
            return -quantile(1 - p, df);
        }
        double low = 0;
        double high = 1;
        while (cdf(high, df) < p) {
            high *= 2;
        }
        while (high - low > 1e-10 * Math.max(1, high)) {
            double middle = (low + high) / 2;
            if (cdf(middle, df) < p) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(T ≤ t) for {@code df} degrees of freedom. */
    public static double cdf(double t, double df) {
        double tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
        return t >= 0 ? 1 - tail : tail;
    }

    /** The regularised incomplete beta function I_x(a, b). */
    static double incompleteBeta(double a, double b, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
        return x < (a + 1) / (a + b + 2) ? front * continuedFraction(a, b, x) / a
                : 1 - front * continuedFraction(b, a, 1 - x) / b;
    }

    /** Lentz's evaluation of the continued fraction of I_x(a, b). */
    private static double continuedFraction(double a, double b, double x) {
        final double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 300; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / nonZero(1 + aa * d, tiny);
            c = nonZero(1 + aa / c, tiny);
            double step = d * c;
            h *= step;
            if (Math.abs(step - 1) < 1e-15) {
                break;
            }
        }
        return h;
    }

    private static double nonZero(double value, double tiny) {
        return Math.abs(value) < tiny ? tiny : value;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9), accurate to about 15 digits. */
    static double logGamma(double x) {
        final double[] coefficients = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
                771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
                9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
