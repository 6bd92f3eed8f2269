package io.fixpoint.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Cell;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"tanh-rnn", "gru", "lstm", "pendulum", "lorenz"})
    void analyticJacobiansMatchFiniteDifferences(String name) {
        for (int d : new int[] {1, 3, 8}) {
            Recurrence p = Cells.recurrence(name, d, 400, 17 + d);
            p.checkJacobian(p.sequential(), 25, 1e-6);
        }
    }

    @Test
    void sameSeedSameBits() {
        assertThat(Cells.recurrence("gru", 8, 500, 3).sequential()).isEqualTo(Cells.recurrence("gru", 8, 500, 3).sequential());
        assertThat(Cells.recurrence("gru", 8, 500, 3).sequential()).isNotEqualTo(Cells.recurrence("gru", 8, 500, 4).sequential());
    }

    /** A tanh RNN whose Jacobian forgets the tanh derivative: checkJacobian must name the cell and the entry. */
    @Test
    void aWrongJacobianIsReportedWithItsWorstEntry() {
        Cell good = Cells.tanhRnn(3, 0.9, 1);
        Cell wrong = new Cell() {
            public String name() {
                return "broken-rnn";
            }

            public int stateDimension() {
                return 3;
            }

            public int inputDimension() {
                return 3;
            }

            public int workspaceSize() {
                return good.workspaceSize() + 9;
            }

            public void step(double[] h, int ho, double[] u, int uo, double[] out, int oo, double[] w) {
                good.step(h, ho, u, uo, out, oo, w);
            }

            public void jacobian(double[] h, int ho, double[] u, int uo, double[] jac, int jo, double[] w) {
                good.jacobian(h, ho, u, uo, jac, jo, w);
                jac[jo + 5] *= 1.5;
            }

            public long stepFlops() {
                return 1;
            }

            public long jacobianFlops() {
                return 1;
            }
        };
        Recurrence p = Cells.recurrence(wrong, 50, 1);
        assertThatThrownBy(() -> p.checkJacobian(p.sequential(), 10, 1e-6)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("broken-rnn").hasMessageContaining("entry (1, 2)");
    }

    @Test
    void invalidShapesAndValuesAreRejected() {
        Cell c = Cells.gru(4, 1);
        assertThatThrownBy(() -> new Recurrence(c, new double[3], new double[40], 10)).hasMessageContaining("h0");
        assertThatThrownBy(() -> new Recurrence(c, new double[4], new double[39], 10)).hasMessageContaining("inputs have length 39");
        assertThatThrownBy(() -> new Recurrence(c, new double[4], new double[0], 0)).hasMessageContaining("length must be ≥ 1");
        double[] u = new double[40];
        u[7] = Double.NaN;
        assertThatThrownBy(() -> new Recurrence(c, new double[4], u, 10)).hasMessageContaining("inputs").hasMessageContaining("index 7");
        assertThatThrownBy(() -> Cells.recurrence("gru", 0, 10, 1)).hasMessageContaining("hidden size");
        assertThatThrownBy(() -> Cells.recurrence("rnn2", 4, 10, 1)).hasMessageContaining("unknown cell");
    }

    @Test
    void aRecurrenceThatOverflowsGivesAClearErrorOrStatus() {
        // tanh-free growth: h' = 10 h, overflowing after ~300 steps
        Cell grow = new Cell() {
            public String name() {
                return "grow";
            }

            public int stateDimension() {
                return 1;
            }

            public int inputDimension() {
                return 0;
            }

            public void step(double[] h, int ho, double[] u, int uo, double[] out, int oo, double[] w) {
                out[oo] = 10 * h[ho];
            }

            public void jacobian(double[] h, int ho, double[] u, int uo, double[] jac, int jo, double[] w) {
                jac[jo] = 10;
            }

            public long stepFlops() {
                return 1;
            }

            public long jacobianFlops() {
                return 0;
            }
        };
        Recurrence p = new Recurrence(grow, new double[] {1}, new double[0], 400);
        assertThatThrownBy(p::sequential).hasMessageContaining("state h_309").hasMessageContaining("grow");
        try (ParallelExecutor ex = ParallelExecutor.of(2)) {
            for (String m : Trajectories.METHODS) {
                Solution s = Trajectories.solve(Trajectories.solver(m, ex), p);
                assertThat(s.status()).as(m).isIn(Status.NON_FINITE, Status.DIVERGED);
            }
        }
    }
}
