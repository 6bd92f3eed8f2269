package io.fixpoint.expr;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Expressions in b1, b2, b3 and x that use every operation, for the derivative tests (b1, b3, x > 0; |b2| < 2). */
final class SampleExpressions {
    static final String[] ALL = {
        "b1*(1-exp(-b2*x))",
        "b1 / (1 + exp(b2 - b3*x))",
        "exp(-b1*x)/(1 + b2^2 + b3*x)",
        "b1*cos(2*pi*x/12) + b2*sin(2*pi*x/b3) + atan(b1*b2)",
        "sqrt(b1^2 + x^2) * log(1 + b2^2) - tanh(b3*x)",
        "pow(b1^2 + 1, b2) * sinh(x/3) + cosh(b3/2)",
        "erf(b1*x) + abs(b2 - 2) * tan(b3/4)", // abs away from its kink
        "-b1^2 / (b2^2 + 1) ^ (x/3 + 1)",
        "(b1 + b2*x + b3*x^2) / (1 + x^2)",
        "b1^b3 * x^b2 + b3^x",
        "(1-b1)^2 + 100*(b2-b1^2)^2 + b3*x*b1*x",
    };

    private SampleExpressions() {
    }

    static Arbitrary<String> arbitrary() {
        return Arbitraries.of(ALL);
    }
}
