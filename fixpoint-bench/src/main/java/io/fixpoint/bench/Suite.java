package io.fixpoint.bench;

import java.util.Set;

/**
 * A set of problems the bench runs a family's methods on, judged one way, and reported as terminal
 * text, JSON, files and a section of the HTML report. {@code fixpoint bench} loops over the
 * {@link BenchSuites}; a family's own command ({@code fit --nist-bench}, {@code sequence --bench}, ...)
 * runs its suite alone.
 */
public interface Suite {

    /** The name on the command line, e.g. {@code least-squares}. */
    String name();

    /** One line: what it runs, on what, beside whom. */
    String description();

    /** The choices of {@link SuiteOptions} it reads when run with {@code options}; a command refuses the others rather than ignore them. */
    Set<SuiteOptions.Choice> reads(SuiteOptions options);

    /** Runs the suite. Never throws for a missing peer: the report says what was skipped and why. */
    SuiteReport run(SuiteOptions options);
}
