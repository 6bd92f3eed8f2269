package io.fixpoint.bench.compare;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.suite.TestProblem;
import java.util.List;

/** Another tool run on the same problems, start points and tolerances as Fixpoint. */
public interface Peer {

    /** Lower-case name used on the command line, e.g. {@code scipy}. */
    String name();

    /** How many solves {@link #run} will do on these problems (for the progress bar). */
    int plannedSolves(List<TestProblem> problems);

    /**
     * Solves every problem with every method of the peer. Never throws for a missing tool or a
     * failing solve: the outcome says what was skipped and why.
     */
    PeerOutcome run(List<TestProblem> problems, CompareSettings settings, Progress progress);
}
