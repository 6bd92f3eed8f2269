package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.ProblemKind;
import java.util.Iterator;
import java.util.stream.Stream;

/** The method names of each problem kind, from the catalogue, for help texts ({@code ${COMPLETION-CANDIDATES}}). */
final class MethodNames {
    private MethodNames() {
    }

    private abstract static class Of implements Iterable<String> {
        private final ProblemKind kind;

        Of(ProblemKind kind) {
            this.kind = kind;
        }

        @Override
        public Iterator<String> iterator() {
            return Catalog.builtIn().names(kind).iterator();
        }
    }

    static final class Minimization extends Of {
        Minimization() {
            super(ProblemKind.MINIMIZATION);
        }
    }

    static final class Bounded extends Of {
        Bounded() {
            super(ProblemKind.BOUNDED);
        }
    }

    static final class Constrained extends Of {
        Constrained() {
            super(ProblemKind.CONSTRAINED);
        }
    }

    /** What {@code minimize --method} takes: the minimisers, then the bounded and constrained methods not named before. */
    static final class Minimize implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(ProblemKind.MINIMIZATION, ProblemKind.BOUNDED, ProblemKind.CONSTRAINED)
                    .flatMap(k -> Catalog.builtIn().names(k).stream()).distinct().iterator();
        }
    }

    static final class LeastSquares extends Of {
        LeastSquares() {
            super(ProblemKind.LEAST_SQUARES);
        }
    }

    static final class Root extends Of {
        Root() {
            super(ProblemKind.ROOT);
        }
    }

    static final class FixedPoint extends Of {
        FixedPoint() {
            super(ProblemKind.FIXED_POINT);
        }
    }

    static final class Sequence extends Of {
        Sequence() {
            super(ProblemKind.SEQUENCE);
        }
    }

    static final class LinearProgram extends Of {
        LinearProgram() {
            super(ProblemKind.LINEAR_PROGRAM);
        }
    }

    static final class Transport extends Of {
        Transport() {
            super(ProblemKind.TRANSPORT);
        }
    }

    static final class Mdp extends Of {
        Mdp() {
            super(ProblemKind.MDP);
        }
    }

    static final class Ranking extends Of {
        Ranking() {
            super(ProblemKind.RANKING);
        }
    }

    static final class Training extends Of {
        Training() {
            super(ProblemKind.TRAINING);
        }
    }
}
