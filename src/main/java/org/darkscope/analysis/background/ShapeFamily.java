package org.darkscope.analysis.background;

import java.util.List;

/**
 * A family of spectrum shapes for the sideband fits (docs/physics.md#backgrounds): a density in events
 * per GeV with a few parameters. Shapes are written in t = (E - lo)/(hi - lo) of the fit range so
 * that the parameters are of order one; every family is positive wherever it is defined.
 */
public enum ShapeFamily {
    /** N e^{b t}. */
    EXPONENTIAL("exponential", 2) {
        @Override
        double density(double e, double[] p, Range r) {
            return Math.exp(p[0] + p[1] * r.t(e));
        }
    },
    /** e^{a + b t + c t²}. */
    EXP_QUADRATIC("exponential with quadratic term", 3) {
        @Override
        double density(double e, double[] p, Range r) {
            double t = r.t(e);
            return Math.exp(p[0] + p[1] * t + p[2] * t * t);
        }
    },
    /** e^a (E / lo)^b, E &gt; 0. */
    POWER_LAW("power law", 2) {
        @Override
        double density(double e, double[] p, Range r) {
            if (e <= 0) {
                return 0;
            }
            return Math.exp(p[0] + p[1] * Math.log(e / r.ref()));
        }

        @Override
        boolean applicable(Range r) {
            return r.lo() > 0;
        }
    },
    /** e^a ((E_max - E)/(E_max - lo))^k with E_max the beam energy; zero above E_max. */
    ENDPOINT_POWER("(E_max - E)^k", 2) {
        @Override
        double density(double e, double[] p, Range r) {
            double d = (r.endpoint() - e) / (r.endpoint() - r.lo());
            if (d <= 0) {
                return 0;
            }
            return Math.exp(p[0] + p[1] * Math.log(d));
        }

        @Override
        boolean applicable(Range r) {
            return r.endpoint() > r.hi();
        }
    },
    /**
     * Positive 2nd-order polynomial in u = E/hi with non-negative coefficients,
     * e^a + e^b u + e^c u²: positive and non-decreasing for every E ≥ 0 (so it cannot turn up in
     * the extrapolation region below the fit range).
     */
    POSITIVE_QUADRATIC("positive 2nd-order polynomial", 3) {
        @Override
        double density(double e, double[] p, Range r) {
            if (e < 0) {
                return 0;
            }
            double u = e / r.hi();
            return Math.exp(p[0]) + Math.exp(p[1]) * u + Math.exp(p[2]) * u * u;
        }

        @Override
        double[] start(double meanDensity) {
            double l = Math.log(Math.max(meanDensity, 1e-9));
            return new double[] {l - 1, l - 1, l - 1};
        }

        @Override
        boolean applicable(Range r) {
            return r.lo() >= 0;
        }
    };

    /**
     * Fit range and the constants the shapes need.
     *
     * @param lo       lower edge of the fit range
     * @param hi       upper edge of the fit range
     * @param endpoint kinematic endpoint E_max (the beam energy) for {@link #ENDPOINT_POWER}
     */
    public record Range(double lo, double hi, double endpoint) {
        double t(double e) {
            return (e - lo) / (hi - lo);
        }

        double ref() {
            return lo;
        }
    }

    private final String label;
    private final int parameters;

    ShapeFamily(String label, int parameters) {
        this.label = label;
        this.parameters = parameters;
    }

    public String label() {
        return label;
    }

    public int parameterCount() {
        return parameters;
    }

    /** Density in events per GeV at E. */
    abstract double density(double e, double[] p, Range r);

    /** True if the family can describe this range. */
    boolean applicable(Range r) {
        return true;
    }

    /** Starting parameters given the mean density (events per GeV) in the fit range. */
    double[] start(double meanDensity) {
        double[] s = new double[parameters];
        s[0] = Math.log(Math.max(meanDensity, 1e-9));
        return s;
    }

    /** Integral of the density over [a, b] by composite Simpson with n (even) intervals. */
    double integral(double a, double b, double[] p, Range r, int n) {
        if (b <= a) {
            return 0;
        }
        double h = (b - a) / n;
        double s = density(a, p, r) + density(b, p, r);
        for (int i = 1; i < n; i++) {
            s += density(a + i * h, p, r) * ((i & 1) == 1 ? 4 : 2);
        }
        return s * h / 3;
    }

    /** Every family, in the order they are reported. */
    public static List<ShapeFamily> all() {
        return List.of(values());
    }
}
