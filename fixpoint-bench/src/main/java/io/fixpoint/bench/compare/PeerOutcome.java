package io.fixpoint.bench.compare;

import io.fixpoint.bench.SolveRecord;
import java.util.List;

/**
 * What a peer run produced.
 *
 * @param peer     the peer's name
 * @param version  the tool's version string, or empty when skipped
 * @param skipped  null when the peer ran; otherwise why it could not (missing interpreter, missing package)
 * @param disagreements problems whose peer definition disagrees with Fixpoint's at the start point: excluded, and a failure of the run
 * @param excluded problems left out for another reason (no peer definition, method not applicable), each with the reason
 * @param notes    anything else the report must say (time limit hit, settings mapping)
 * @param records  one record per problem × method
 */
public record PeerOutcome(String peer, String version, String skipped, List<String> disagreements, List<String> excluded, List<String> notes,
        List<SolveRecord> records) {

    public PeerOutcome {
        disagreements = List.copyOf(disagreements);
        excluded = List.copyOf(excluded);
        notes = List.copyOf(notes);
        records = List.copyOf(records);
    }

    public static PeerOutcome skipped(String peer, String why) {
        return new PeerOutcome(peer, "", why, List.of(), List.of(), List.of(), List.of());
    }

    public boolean ran() {
        return skipped == null;
    }
}
