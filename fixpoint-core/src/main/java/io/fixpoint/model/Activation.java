package io.fixpoint.model;

import io.fixpoint.expr.Erf;

/** Element-wise activations with their first and second derivatives (the second for Hessian–vector products). */
public enum Activation {
    /** max(0, x); the derivative at 0 is taken as 0, the second derivative as 0 everywhere. */
    RELU,
    /** tanh x. */
    TANH,
    /** x·Φ(x), Φ the standard normal distribution function (exact, as PyTorch's default GELU). */
    GELU;

    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    /** The activation called {@code name} (relu, tanh, gelu). */
    public static Activation of(String name) {
        return switch (name) {
            case "relu" -> RELU;
            case "tanh" -> TANH;
            case "gelu" -> GELU;
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; expected relu, tanh or gelu");
        };
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    double value(double x) {
        return switch (this) {
            case RELU -> x > 0 ? x : 0;
            case TANH -> Math.tanh(x);
            case GELU -> 0.5 * x * (1 + Erf.erf(x * INV_SQRT2));
        };
    }

    /** f'(x), given also a = f(x). */
    double derivative(double x, double a) {
        return switch (this) {
            case RELU -> x > 0 ? 1 : 0;
            case TANH -> 1 - a * a;
            case GELU -> 0.5 * (1 + Erf.erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
        };
    }

    /** f''(x), given also a = f(x). */
    double second(double x, double a) {
        return switch (this) {
            case RELU -> 0;
            case TANH -> -2 * a * (1 - a * a);
            case GELU -> INV_SQRT_2PI * Math.exp(-0.5 * x * x) * (2 - x * x);
        };
    }
}
