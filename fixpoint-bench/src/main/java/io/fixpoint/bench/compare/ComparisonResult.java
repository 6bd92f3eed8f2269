package io.fixpoint.bench.compare;

import java.util.List;

/**
 * Everything one comparison run measured, in the order the tools ran (Fixpoint first).
 *
 * @param date        when the run started (ISO-8601, UTC)
 * @param machine     the machine it ran on, in words
 * @param wallSeconds wall time of the whole run
 * @param settings    what every tool was given
 * @param problems    the problems compared
 * @param outcomes    one per tool
 */
public record ComparisonResult(String date, String machine, double wallSeconds, CompareSettings settings, List<ProblemInfo> problems,
        List<PeerOutcome> outcomes) {

    /** The facts about a problem a report needs. */
    public record ProblemInfo(String name, int dimension, double knownMinimum, String reference) {
    }

    public ComparisonResult {
        problems = List.copyOf(problems);
        outcomes = List.copyOf(outcomes);
    }

    public List<SolveRecord> records() {
        return outcomes.stream().flatMap(o -> o.records().stream()).toList();
    }

    /** Whether some peer's problem definitions disagreed with Fixpoint's: the comparison is then incomplete. */
    public boolean hasDisagreements() {
        return outcomes.stream().anyMatch(o -> !o.disagreements().isEmpty());
    }
}
