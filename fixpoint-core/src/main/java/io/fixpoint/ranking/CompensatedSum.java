package io.fixpoint.ranking;

/** Neumaier's compensated summation: the rounding error of each addition is carried along and added back. */
final class CompensatedSum {
    private double sum;
    private double compensation;

    void add(double term) {
        double next = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
        sum = next;
    }

    double value() {
        return sum + compensation;
    }
}
