package io.fixpoint.train;

/**
 * A hyperparameter whose value the caller changes between steps — from an iteration listener, say —
 * in the spirit of Optax's {@code inject_hyperparams}: pass it where a {@link Schedule} is expected and
 * call {@link #set} to change it. Read once per update, so a change takes effect from the next one.
 */
public final class InjectedHyperparameter implements Schedule {
    private final String name;
    private volatile double value;

    public InjectedHyperparameter(String name, double initial) {
        this.name = name;
        set(initial);
    }

    public void set(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must be finite, got " + v);
        }
        this.value = v;
    }

    public double get() {
        return value;
    }

    public String name() {
        return name;
    }

    @Override
    public double at(long count) {
        return value;
    }
}
