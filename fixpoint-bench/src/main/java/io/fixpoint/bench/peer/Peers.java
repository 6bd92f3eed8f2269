package io.fixpoint.bench.peer;

import io.fixpoint.bench.compare.Peer;
import java.time.Duration;
import java.util.List;

/** The peers by command-line name. */
public final class Peers {
    public static final List<String> NAMES = List.of("scipy", "hipparchus");

    private Peers() {
    }

    /**
     * The peer called {@code name}; an {@link IllegalArgumentException} naming the known ones otherwise.
     *
     * @param limit wall-time limit for a peer that runs out of process
     */
    public static Peer byName(String name, Duration limit) {
        return switch (name) {
            case "scipy" -> new ScipyPeer(limit);
            case "hipparchus" -> new HipparchusPeer();
            default -> throw new IllegalArgumentException("unknown peer '" + name + "'; known peers: " + String.join(", ", NAMES));
        };
    }
}
