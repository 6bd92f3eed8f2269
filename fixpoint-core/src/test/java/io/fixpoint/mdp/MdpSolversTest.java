package io.fixpoint.mdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MdpSolversTest {

    static Solution solve(String method, MarkovDecisionProcess p, double tol, int maxIterations) {
        return Driver.builder().tolerance(tol).maxIterations(maxIterations).build()
                .solve(Catalog.builtIn().mdp(method).create(), p, new double[p.dimension()]);
    }

    static Stream<Arguments> discountedCases() {
        List<Arguments> l = new ArrayList<>();
        for (String method : List.of("value-iteration", "gauss-seidel", "anchored-vi", "anderson-vi", "policy-iteration",
                "modified-policy-iteration")) {
            l.add(Arguments.of(method, "garnet", 0.9));
            l.add(Arguments.of(method, "garnet", 0.99));
            l.add(Arguments.of(method, "gridworld", 0.95));
        }
        return l.stream();
    }

    static MarkovDecisionProcess problem(String name, double gamma) {
        return name.equals("garnet") ? Garnet.generate(40, 4, 5, 17, gamma) : Gridworld.build(5, gamma);
    }

    /**
     * The values meet the bound ‖v − v*‖∞ ≤ ‖Tv − v‖∞/(1 − γ) against v* from an exact dense solve (EJML LU) of the
     * returned policy's equations, built here from the transition list; v* is checked to satisfy the Bellman
     * optimality equation, with the backups also computed here, so the policy is optimal.
     */
    @ParameterizedTest(name = "{0} on {1}, γ = {2}")
    @MethodSource("discountedCases")
    void valuesAgreeWithAnExactSolveOfTheOptimalPolicy(String method, String name, double gamma) {
        MarkovDecisionProcess p = problem(name, gamma);
        Solution s = solve(method, p, 1e-9, 100_000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        int[] policy = (int[]) s.details().get("policy");
        double[] exact = Dense.policyValues(p, policy);
        Dense.assertOptimal(p, exact, 1e-9);
        double bound = s.optimality() / (1 - gamma);
        assertThat((double) s.details().get("valueErrorBound")).isCloseTo(bound, within(1e-15 + 1e-12 * bound));
        for (int i = 0; i < exact.length; i++) {
            assertThat(s.x()[i]).isCloseTo(exact[i], within(bound + 1e-9));
        }
        // The certificate is the residual of the returned values, recomputed here.
        assertThat(s.optimality()).isCloseTo(Dense.bellmanResidual(p, s.x()), within(1e-12));
    }

    /** Under the average-reward criterion the gain matches the exact solve of h + g = r_π + P_π h, h(0) = 0. */
    @ParameterizedTest
    @ValueSource(strings = {"value-iteration", "policy-iteration", "modified-policy-iteration"})
    void averageRewardGainAgreesWithAnExactSolve(String method) {
        MarkovDecisionProcess p = Gridworld.build(4, 0.5).withAverageReward();
        Solution s = solve(method, p, 1e-10, 100_000);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        int[] policy = (int[]) s.details().get("policy");
        double[] gh = Dense.averageRewardValues(p, policy);
        double lo = (double) s.details().get("gainLower");
        double hi = (double) s.details().get("gainUpper");
        assertThat(gh[0]).isBetween(lo - 1e-12, hi + 1e-12);
        assertThat((double) s.details().get("gain")).isCloseTo(gh[0], within(1e-10));
        assertThat(s.x()[0]).isZero();
        // The optimal gain of the 4×4 grid: no other deterministic policy does better (checked by policy iteration's fixed point).
        assertThat(gh[0]).isGreaterThan(0.05).isLessThan(1.0 / 7);
    }

    static Stream<Arguments> anchoredRates() {
        return Stream.of(Arguments.of(0.99), Arguments.of(0.999));
    }

    /** Lee and Ryu's bound on the Bellman error of Anc-VI, iteration by iteration, with v* from an exact solve. */
    @ParameterizedTest
    @MethodSource("anchoredRates")
    void anchoredValueIterationMeetsItsRateBound(double gamma) {
        MarkovDecisionProcess p = Garnet.generate(30, 3, 4, 5, gamma);
        Solution exact = solve("policy-iteration", p, 1e-12, 100);
        double distance = 0;
        for (double v : exact.x()) {
            distance = Math.max(distance, Math.abs(v));
        }
        Solution s = Driver.builder().tolerance(0).maxIterations(400).build().solve(new AnchoredValueIteration(), p, new double[p.dimension()]);
        double[] errors = s.trace().optimality();
        for (int k = 1; k < errors.length; k++) {
            double bound = (1 / gamma - gamma) * (1 + 2 * gamma - Math.pow(gamma, k + 1))
                    / (Math.pow(gamma, -(k + 1)) - Math.pow(gamma, k + 1)) * distance;
            assertThat(errors[k]).as("k = %d", k).isLessThanOrEqualTo(bound * (1 + 1e-9) + 1e-12);
        }
    }

    /**
     * The paper's claim where it bites: on a deterministic 7-cycle with rewards +1 and −1 (a periodic chain, the
     * worst case for value iteration) VI's Bellman error is still γᵏ ≈ 0.9 after k = 1000 iterations at
     * γ = 1 − 10⁻⁴, while Anc-VI's has fallen like 1/k.
     */
    @Test
    void anchoringBeatsValueIterationOnAPeriodicChainWhenTheDiscountIsNearOne() {
        List<Transition> rows = new ArrayList<>();
        for (int s = 0; s < 7; s++) {
            rows.add(new Transition(s, 0, (s + 1) % 7, 1, s == 0 ? 1 : s == 1 ? -1 : 0));
        }
        MarkovDecisionProcess p = MarkovDecisionProcess.of(rows, 1 - 1e-4);
        Driver d = Driver.builder().tolerance(0).maxIterations(1000).build();
        Solution vi = d.solve(new ValueIteration(), p, new double[7]);
        Solution anc = d.solve(new AnchoredValueIteration(), p, new double[7]);
        assertThat(vi.optimality()).isCloseTo(Math.pow(1 - 1e-4, 1000), within(1e-9));
        assertThat(anc.optimality()).isLessThan(2e-3);
    }

    /** T as a map serves the fixed-point solvers: restarted Halpern reaches v* and its greedy policy. */
    @Test
    void theBellmanMapServesTheFixedPointSolvers() {
        MarkovDecisionProcess p = Garnet.generate(30, 3, 4, 6, 0.9);
        BellmanMap map = BellmanMap.of(p);
        Solution s = Driver.builder().tolerance(1e-11).maxIterations(20_000).build()
                .solve(io.fixpoint.fixedpoint.Halpern.restarted(0.5), map, new double[30]);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        Solution pi = solve("policy-iteration", p, 1e-12, 100);
        for (int i = 0; i < 30; i++) {
            assertThat(s.x()[i]).isCloseTo(pi.x()[i], within(1e-9));
        }
        assertThat(map.policy(s.x())).containsExactly((int[]) pi.details().get("policy"));
    }

    @Test
    void sweepsAreCountedPerIteration() {
        MarkovDecisionProcess p = Gridworld.build(6, 0.9);
        Solution vi = solve("value-iteration", p, 1e-8, 10_000);
        assertThat(vi.evaluations().get(Evaluation.BELLMAN)).isEqualTo(vi.iterations() + 1L);
        Solution gs = solve("gauss-seidel", p, 1e-8, 10_000);
        assertThat(gs.evaluations().get(Evaluation.BELLMAN)).isEqualTo(2L * gs.iterations() + 1);
        assertThat(gs.iterations()).isLessThan(vi.iterations());
        Solution mpi = solve("modified-policy-iteration", p, 1e-8, 10_000);
        assertThat(mpi.evaluations().get(Evaluation.POLICY_BELLMAN)).isEqualTo(9L * mpi.iterations());
        Solution anderson = solve("anderson-vi", Garnet.generate(60, 4, 5, 2, 0.99), 1e-8, 10_000);
        Solution plain = solve("value-iteration", Garnet.generate(60, 4, 5, 2, 0.99), 1e-8, 10_000);
        assertThat(anderson.evaluations().get(Evaluation.BELLMAN)).isLessThan(plain.evaluations().get(Evaluation.BELLMAN) / 5);
    }

    @Test
    void policyIterationStopsHonestlyWhenTheToleranceIsBelowRounding() {
        Solution s = solve("policy-iteration", Garnet.generate(20, 3, 4, 1, 0.9), 0, 100);
        assertThat(s.status()).isEqualTo(Status.STALLED);
        assertThat(s.message()).contains("policy repeats");
        assertThat(s.optimality()).isLessThan(1e-12);
    }

    @Test
    void methodsThatNeedAContractionRejectTheAverageRewardCriterion() {
        MarkovDecisionProcess p = Gridworld.build(3, 0.5).withAverageReward();
        for (String method : List.of("gauss-seidel", "anchored-vi", "anderson-vi")) {
            assertThatThrownBy(() -> solve(method, p, 1e-8, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("discount < 1");
        }
    }

    @Test
    void garnetIsReproducibleWithDistinctSuccessors() {
        MarkovDecisionProcess a = Garnet.generate(25, 3, 6, 42, 0.9);
        MarkovDecisionProcess b = Garnet.generate(25, 3, 6, 42, 0.9);
        assertThat(a.transitions()).isEqualTo(b.transitions());
        assertThat(Garnet.generate(25, 3, 6, 43, 0.9).transitions()).isNotEqualTo(a.transitions());
        assertThat(a.transitions()).hasSize(25 * 3 * 6);
        for (int s = 0; s < 25; s++) {
            for (int act = 0; act < 3; act++) {
                Set<Integer> next = new HashSet<>();
                double sum = 0;
                for (Transition t : a.transitions()) {
                    if (t.state() == s && t.action() == act) {
                        next.add(t.next());
                        sum += t.probability();
                    }
                }
                assertThat(next).hasSize(6);
                assertThat(sum).isCloseTo(1, within(1e-15));
            }
        }
    }

    @Test
    void badTransitionTablesAreRejectedWithTheOffendingPairNamed() {
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 0, 0, 0.5, 1), new Transition(0, 0, 1, 0.4, 0),
                new Transition(1, 0, 1, 1, 0)), 0.9)).isInstanceOf(InvalidProblemException.class)
                .hasMessageContaining("state 0, action 0").hasMessageContaining("sum to 0.9");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 0, 3, 1, 1)), 0.9))
                .hasMessageContaining("next state 3 is unknown");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 1, 0, 1, 1)), 0.9))
                .hasMessageContaining("state 0 has no action 0");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(1, 0, 1, 1, 1)), 0.9))
                .hasMessageContaining("state 0 has no actions");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 0, 0, -0.5, 1), new Transition(0, 0, 0, 1.5, 1)), 0.9))
                .hasMessageContaining("probability -0.5");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 0, 0, 1, Double.NaN)), 0.9))
                .hasMessageContaining("reward NaN");
        assertThatThrownBy(() -> MarkovDecisionProcess.of(List.of(new Transition(0, 0, 0, 1, 1)), 1))
                .hasMessageContaining("discount");
        assertThatThrownBy(() -> Garnet.generate(5, 2, 6, 1, 0.9)).hasMessageContaining("branching");
        assertThatThrownBy(() -> Catalog.builtIn().mdp("q-learning")).hasMessageContaining("unknown mdp method 'q-learning'")
                .hasMessageContaining("policy-iteration");
        assertThatThrownBy(() -> new ModifiedPolicyIteration(0)).hasMessageContaining("sweeps");
    }

    @Test
    void theSameStartGivesTheSameBits() {
        for (String method : Catalog.builtIn().names(ProblemKind.MDP)) {
            Solution a = solve(method, Garnet.generate(30, 3, 4, 8, 0.95), 1e-9, 10_000);
            Solution b = solve(method, Garnet.generate(30, 3, 4, 8, 0.95), 1e-9, 10_000);
            assertThat(a.x()).as(method).containsExactly(b.x());
        }
    }

    /** Dense reference computations from the transition list, independent of the process's own sweeps and sparse solve. */
    static final class Dense {
        private Dense() {
        }

        static double[][] matrix(MarkovDecisionProcess p, int[] policy, double[] reward) {
            int n = p.states();
            double[][] pm = new double[n][n];
            for (Transition t : p.transitions()) {
                if (t.action() == policy[t.state()]) {
                    pm[t.state()][t.next()] += t.probability();
                    reward[t.state()] += t.probability() * t.reward();
                }
            }
            return pm;
        }

        static double[] policyValues(MarkovDecisionProcess p, int[] policy) {
            int n = p.states();
            double[] r = new double[n];
            double[][] pm = matrix(p, policy, r);
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a.set(i, j, (i == j ? 1 : 0) - p.discount() * pm[i][j]);
                }
            }
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            assertThat(CommonOps_DDRM.solve(a, new DMatrixRMaj(n, 1, true, r), x)).isTrue();
            return x.data;
        }

        /** (g, h_1, …, h_{S−1}) with h_0 = 0. */
        static double[] averageRewardValues(MarkovDecisionProcess p, int[] policy) {
            int n = p.states();
            double[] r = new double[n];
            double[][] pm = matrix(p, policy, r);
            DMatrixRMaj a = new DMatrixRMaj(n, n);
            for (int i = 0; i < n; i++) {
                a.set(i, 0, 1);
                for (int j = 1; j < n; j++) {
                    a.set(i, j, (i == j ? 1 : 0) - pm[i][j]);
                }
            }
            DMatrixRMaj x = new DMatrixRMaj(n, 1);
            assertThat(CommonOps_DDRM.solve(a, new DMatrixRMaj(n, 1, true, r), x)).isTrue();
            return x.data;
        }

        static double[] backups(MarkovDecisionProcess p, double[] v) {
            double[] tv = new double[p.states()];
            java.util.Arrays.fill(tv, Double.NEGATIVE_INFINITY);
            double[][] q = new double[p.states()][];
            for (int s = 0; s < p.states(); s++) {
                q[s] = new double[p.actions(s)];
            }
            for (Transition t : p.transitions()) {
                q[t.state()][t.action()] += t.probability() * (t.reward() + p.discount() * v[t.next()]);
            }
            for (int s = 0; s < p.states(); s++) {
                for (double x : q[s]) {
                    tv[s] = Math.max(tv[s], x);
                }
            }
            return tv;
        }

        static double bellmanResidual(MarkovDecisionProcess p, double[] v) {
            double[] tv = backups(p, v);
            double worst = 0;
            for (int s = 0; s < v.length; s++) {
                worst = Math.max(worst, Math.abs(tv[s] - v[s]));
            }
            return worst;
        }

        static void assertOptimal(MarkovDecisionProcess p, double[] v, double tol) {
            assertThat(bellmanResidual(p, v)).isLessThan(tol);
        }
    }
}
