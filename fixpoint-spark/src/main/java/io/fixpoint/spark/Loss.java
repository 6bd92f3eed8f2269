package io.fixpoint.spark;

import java.util.Locale;

/**
 * The per-example loss ℓ(m, y) of a generalised linear model as a function of the margin m = wᵀz + b,
 * with its first two derivatives in m. The model's objective is (1/N) Σᵢ ℓ(mᵢ, yᵢ) + (λ/2)‖w‖².
 */
public enum Loss {
    /**
     * Binary logistic loss, labels 0 or 1: ℓ = log(1 + eᵐ) − y·m, the negative log-likelihood MLlib's
     * {@code LogisticRegression} averages (its {@code BinaryLogisticBlockAggregator}).
     */
    LOGISTIC("logistic") {
        @Override
        double value(double m, double y) {
            return log1pExp(m) - y * m;
        }

        @Override
        double derivative(double m, double y) {
            return sigmoid(m) - y;
        }

        @Override
        double curvature(double m, double y) {
            double s = sigmoid(m);
            return s * (1 - s);
        }

        @Override
        double interceptAt(double labelMean) {
            return labelMean > 0 && labelMean < 1 ? Math.log(labelMean / (1 - labelMean)) : 0;
        }

        @Override
        String labelProblem(double y) {
            return y == 0 || y == 1 ? null : "label " + y + " is not 0 or 1 (logistic loss)";
        }
    },
    /** Squared error ℓ = ½(m − y)². */
    SQUARED("squared") {
        @Override
        double value(double m, double y) {
            double r = m - y;
            return 0.5 * r * r;
        }

        @Override
        double derivative(double m, double y) {
            return m - y;
        }

        @Override
        double curvature(double m, double y) {
            return 1;
        }

        @Override
        double interceptAt(double labelMean) {
            return labelMean;
        }

        @Override
        String labelProblem(double y) {
            return Double.isFinite(y) ? null : "label " + y + " is not finite";
        }
    },
    /**
     * Huber's loss with threshold 1 on the residual r = m − y: ½r² for |r| ≤ 1, |r| − ½ beyond
     * (Huber 1964); its curvature is the generalised second derivative, 1 inside and 0 outside. Not
     * MLlib's {@code LinearRegression} Huber, which also fits a scale.
     */
    HUBER("huber") {
        @Override
        double value(double m, double y) {
            double r = Math.abs(m - y);
            return r <= 1 ? 0.5 * r * r : r - 0.5;
        }

        @Override
        double derivative(double m, double y) {
            return Math.max(-1, Math.min(1, m - y));
        }

        @Override
        double curvature(double m, double y) {
            return Math.abs(m - y) <= 1 ? 1 : 0;
        }

        @Override
        double interceptAt(double labelMean) {
            return labelMean;
        }

        @Override
        String labelProblem(double y) {
            return SQUARED.labelProblem(y);
        }
    };

    private final String key;

    Loss(String key) {
        this.key = key;
    }

    /** The lower-case name used on the command line and in reports. */
    public String key() {
        return key;
    }

    /** The loss called {@code name}, or an exception listing the known names. */
    public static Loss byName(String name) {
        for (Loss l : values()) {
            if (l.key.equals(name.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + name + "'; known losses: logistic, squared, huber");
    }

    abstract double value(double m, double y);

    /** ∂ℓ/∂m. */
    abstract double derivative(double m, double y);

    /** ∂²ℓ/∂m². */
    abstract double curvature(double m, double y);

    /** The best intercept of a model whose coefficients are zero, given the mean label. */
    abstract double interceptAt(double labelMean);

    /** What is wrong with y as a label of this loss, or null when nothing is. */
    abstract String labelProblem(double y);

    /** log(1 + eᵐ) without overflow. */
    static double log1pExp(double m) {
        return m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
    }

    static double sigmoid(double m) {
        if (m >= 0) {
            return 1 / (1 + Math.exp(-m));
        }
        double e = Math.exp(m);
        return e / (1 + e);
    }
}
