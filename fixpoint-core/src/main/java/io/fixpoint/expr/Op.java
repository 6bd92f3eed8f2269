package io.fixpoint.expr;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The operations of the language: each knows its value and its partial derivatives. */
enum Op {
    ADD(2), SUB(2), MUL(2), DIV(2), POW(2), NEG(1),
    EXP(1), LOG(1), SQRT(1), SIN(1), COS(1), TAN(1), ATAN(1), SINH(1), COSH(1), TANH(1), ABS(1), ERF(1);

    /** Functions callable by name, with their arity. */
    static final Map<String, Op> FUNCTIONS = functions();

    final int arity;

    Op(int arity) {
        this.arity = arity;
    }

    double apply(double a, double b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case NEG -> -a;
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case SQRT -> Math.sqrt(a);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ATAN -> Math.atan(a);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case TANH -> Math.tanh(a);
            case ABS -> Math.abs(a);
            case ERF -> Erf.erf(a);
        };
    }

    /** ∂(a op b)/∂a, given the value {@code v} = a op b. */
    double da(double a, double b, double v) {
        return switch (this) {
            case ADD, SUB -> 1;
            case MUL -> b;
            case DIV -> 1 / b;
            case POW -> b == 0 ? 0 : b * Math.pow(a, b - 1);
            case NEG -> -1;
            case EXP -> v;
            case LOG -> 1 / a;
            case SQRT -> 0.5 / v;
            case SIN -> Math.cos(a);
            case COS -> -Math.sin(a);
            case TAN -> 1 + v * v;
            case ATAN -> 1 / (1 + a * a);
            case SINH -> Math.cosh(a);
            case COSH -> Math.sinh(a);
            case TANH -> 1 - v * v;
            case ABS -> Math.signum(a);
            case ERF -> Erf.TWO_OVER_SQRT_PI * Math.exp(-a * a);
        };
    }

    /** ∂(a op b)/∂b, given the value {@code v} = a op b; binary operations only. */
    double db(double a, double b, double v) {
        return switch (this) {
            case ADD -> 1;
            case SUB -> -1;
            case MUL -> a;
            case DIV -> -v / b;
            // a^b = exp(b·log a): at a = 0 the derivative in b is 0 for b > 0
            case POW -> a == 0 && b > 0 ? 0 : v * Math.log(a);
            default -> throw new IllegalStateException(this + " is unary");
        };
    }

    /** ∂²(a op b)/∂a², given the value {@code v} = a op b. */
    double daa(double a, double b, double v) {
        return switch (this) {
            case ADD, SUB, MUL, DIV, NEG, ABS -> 0;
            case POW -> b == 0 || b == 1 ? 0 : b * (b - 1) * Math.pow(a, b - 2);
            case EXP, SINH, COSH -> v;
            case LOG -> -1 / (a * a);
            case SQRT -> -0.25 / (a * v);
            case SIN, COS -> -v;
            case TAN -> 2 * v * (1 + v * v);
            case ATAN -> -2 * a / ((1 + a * a) * (1 + a * a));
            case TANH -> -2 * v * (1 - v * v);
            case ERF -> -2 * a * Erf.TWO_OVER_SQRT_PI * Math.exp(-a * a);
        };
    }

    /** ∂²(a op b)/∂a∂b, given the value {@code v} = a op b; binary operations only. */
    double dab(double a, double b, double v) {
        return switch (this) {
            case ADD, SUB -> 0;
            case MUL -> 1;
            case DIV -> -1 / (b * b);
            // ∂/∂b of b·a^(b−1) = a^(b−1)·(1 + b·log a)
            case POW -> b == 0 ? 1 / a : Math.pow(a, b - 1) * (1 + b * Math.log(a));
            default -> throw new IllegalStateException(this + " is unary");
        };
    }

    /** ∂²(a op b)/∂b², given the value {@code v} = a op b; binary operations only. */
    double dbb(double a, double b, double v) {
        return switch (this) {
            case ADD, SUB, MUL -> 0;
            case DIV -> 2 * v / (b * b);
            case POW -> {
                double log = Math.log(a);
                yield v * log * log;
            }
            default -> throw new IllegalStateException(this + " is unary");
        };
    }

    private static Map<String, Op> functions() {
        Map<String, Op> m = new TreeMap<>();
        for (Op op : values()) {
            if (op.ordinal() >= EXP.ordinal()) {
                m.put(op.name().toLowerCase(Locale.ROOT), op);
            }
        }
        m.put("pow", POW);
        return Map.copyOf(m);
    }
}
