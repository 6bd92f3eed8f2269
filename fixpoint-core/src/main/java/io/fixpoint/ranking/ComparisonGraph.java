package io.fixpoint.ranking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether the estimate of a {@link BradleyTerryModel} exists, decided on the comparison graph
 * before any solve. The likelihood has a maximiser exactly when no direction d ≠ shift in parameter
 * space moves every observed outcome's log-odds the same way (Albert and Anderson's separation
 * condition for logistic models); for the strengths this is Ford's (1957) condition that the graph
 * with an edge i → j whenever i beat or tied j be strongly connected; for the home advantage it is a
 * system of difference constraints, decided by Bellman–Ford. For Davidson's model, ν needs at least
 * one tie and one decisive result. The prior of the MAP estimate pins every strength, so only h and ν
 * can fail there.
 */
final class ComparisonGraph {
    /** Names listed in a message before the rest are counted. */
    private static final int NAMES_SHOWN = 8;

    private final int n;
    /** Edges i → j (i beat or tied j) in compressed rows. */
    private final int[] start;
    private final int[] target;

    private ComparisonGraph(BradleyTerryModel m) {
        n = m.items;
        int[] degree = new int[n + 1];
        for (int r = 0; r < m.records(); r++) {
            if (m.a[r] + m.t[r] > 0) {
                degree[m.first(r)]++;
            }
            if (m.b[r] + m.t[r] > 0) {
                degree[m.second(r)]++;
            }
        }
        start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        target = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int r = 0; r < m.records(); r++) {
            if (m.a[r] + m.t[r] > 0) {
                target[fill[m.first(r)]++] = m.second(r);
            }
            if (m.b[r] + m.t[r] > 0) {
                target[fill[m.second(r)]++] = m.first(r);
            }
        }
    }

    static Optional<String> existenceProblem(BradleyTerryModel m) {
        List<String> problems = new ArrayList<>();
        if (!m.maximumAPosteriori()) {
            new ComparisonGraph(m).strengthProblem(m).ifPresent(problems::add);
        }
        if (problems.isEmpty() && m.homeAdvantage()) {
            homeProblem(m).ifPresent(problems::add);
        }
        if (m.ties() == Ties.DAVIDSON) {
            double decisive = 0;
            for (int r = 0; r < m.records(); r++) {
                decisive += m.a[r] + m.b[r];
            }
            if (m.tieCount == 0) {
                problems.add("no comparison was tied, so Davidson's tie parameter has no finite estimate (count ties as half wins instead)");
            } else if (decisive == 0) {
                problems.add("every comparison was tied, so Davidson's tie parameter has no finite estimate");
            }
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        String what = m.maximumAPosteriori() ? "the MAP estimate does not exist: " : "the maximum-likelihood estimate does not exist: ";
        return Optional.of(what + String.join("; ", problems));
    }

    /** Why the strengths have no maximum-likelihood estimate, naming the items, or empty. */
    private Optional<String> strengthProblem(BradleyTerryModel m) {
        double[] won = new double[n];
        double[] lost = new double[n];
        for (int r = 0; r < m.records(); r++) {
            won[m.first(r)] += m.a[r] + m.t[r];
            lost[m.first(r)] += m.b[r] + m.t[r];
            won[m.second(r)] += m.b[r] + m.t[r];
            lost[m.second(r)] += m.a[r] + m.t[r];
        }
        List<String> idle = new ArrayList<>();
        List<String> unbeaten = new ArrayList<>();
        List<String> winless = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = m.data().items().get(i);
            if (won[i] + lost[i] == 0) {
                idle.add(name);
            } else if (lost[i] == 0) {
                unbeaten.add(name);
            } else if (won[i] == 0) {
                winless.add(name);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (!idle.isEmpty()) {
            reasons.add(names(idle) + (idle.size() == 1 ? " has" : " have") + " no results");
        }
        if (!unbeaten.isEmpty()) {
            reasons.add(names(unbeaten) + " never lost (strength → ∞)");
        }
        if (!winless.isEmpty()) {
            reasons.add(names(winless) + " never won (strength → 0)");
        }
        if (!reasons.isEmpty()) {
            return Optional.of(String.join("; ", reasons));
        }
        int[] component = components();
        int count = Arrays.stream(component).max().orElse(-1) + 1;
        if (count <= 1) {
            return Optional.empty();
        }
        // A group nobody outside it ever beat: its strengths relative to the rest → ∞.
        boolean[] beatenFromOutside = new boolean[count];
        for (int i = 0; i < n; i++) {
            for (int e = start[i]; e < start[i + 1]; e++) {
                if (component[target[e]] != component[i]) {
                    beatenFromOutside[component[target[e]]] = true;
                }
            }
        }
        int top = 0;
        while (beatenFromOutside[top]) {
            top++;
        }
        List<String> group = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (component[i] == top) {
                group.add(m.data().items().get(i));
            }
        }
        return Optional.of("the comparison graph is not strongly connected (" + count + " groups): " + names(group)
                + " never lost to an item outside " + (group.size() == 1 ? "itself" : "their group of " + group.size()));
    }

    /** Strongly connected components by Tarjan's algorithm (iterative), numbered in completion order. */
    private int[] components() {
        int[] index = new int[n];
        int[] low = new int[n];
        int[] component = new int[n];
        int[] edge = new int[n];
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int[] call = new int[n];
        Arrays.fill(index, -1);
        int next = 0;
        int top = 0;
        int count = 0;
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            call[depth++] = root;
            index[root] = low[root] = next++;
            edge[root] = start[root];
            stack[top++] = root;
            onStack[root] = true;
            while (depth > 0) {
                int v = call[depth - 1];
                if (edge[v] < start[v + 1]) {
                    int w = target[edge[v]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = next++;
                        edge[w] = start[w];
                        stack[top++] = w;
                        onStack[w] = true;
                        call[depth++] = w;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                depth--;
                if (depth > 0) {
                    int parent = call[depth - 1];
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == index[v]) {
                    int w;
                    do {
                        w = stack[--top];
                        onStack[w] = false;
                        component[w] = count;
                    } while (w != v);
                    count++;
                }
            }
        }
        return component;
    }

    /**
     * Why h has no finite estimate, or empty. With the strengths free (maximum likelihood) a
     * direction (d, δ = ±1) along which every home result's log-odds rise is a feasible system of
     * difference constraints: a home win gives dⱼ − dᵢ ≤ δ, a home loss dᵢ − dⱼ ≤ −δ, a neutral
     * result 0; Bellman–Ford finds a solution exactly when no negative cycle exists. Under the prior
     * d = 0, so the home side must have both won and lost (or tied).
     */
    private static Optional<String> homeProblem(BradleyTerryModel m) {
        double homeWins = 0;
        double homeLosses = 0;
        for (int r = 0; r < m.records(); r++) {
            if (m.atHome(r)) {
                homeWins += m.a[r] + m.t[r];
                homeLosses += m.b[r] + m.t[r];
            }
        }
        if (homeWins + homeLosses == 0) {
            return Optional.of("no comparison has a home side, so the home advantage cannot be estimated");
        }
        if (homeLosses == 0) {
            return Optional.of("the home side won every comparison it played at home (home advantage → ∞)");
        }
        if (homeWins == 0) {
            return Optional.of("the home side lost every comparison it played at home (home advantage → −∞)");
        }
        if (m.maximumAPosteriori()) {
            return Optional.empty();
        }
        for (int delta = 1; delta >= -1; delta -= 2) {
            if (unboundedHome(m, delta)) {
                return Optional.of("the home results can be explained by strengths alone together with an unbounded home "
                        + (delta > 0 ? "advantage" : "disadvantage") + ", so it has no finite estimate");
            }
        }
        return Optional.empty();
    }

    /** Whether the difference constraints for direction δ are feasible (no negative cycle). */
    private static boolean unboundedHome(BradleyTerryModel m, int delta) {
        int n = m.items;
        long[] dist = new long[n];
        for (int pass = 0; pass <= n; pass++) {
            boolean changed = false;
            for (int r = 0; r < m.records(); r++) {
                int i = m.first(r);
                int j = m.second(r);
                int w = m.atHome(r) ? delta : 0;
                if (m.a[r] + m.t[r] > 0 && dist[i] + w < dist[j]) {
                    dist[j] = dist[i] + w;
                    changed = true;
                }
                if (m.b[r] + m.t[r] > 0 && dist[j] - w < dist[i]) {
                    dist[i] = dist[j] - w;
                    changed = true;
                }
            }
            if (!changed) {
                return true;
            }
        }
        return false;
    }

    /** "'a', 'b' and 'c'", or the first few and a count of the rest. */
    static String names(List<String> all) {
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < Math.min(all.size(), NAMES_SHOWN); k++) {
            shown.add("'" + all.get(k) + "'");
        }
        String s = String.join(", ", shown);
        if (all.size() > NAMES_SHOWN) {
            return s + " and " + (all.size() - NAMES_SHOWN) + " more";
        }
        if (shown.size() > 1) {
            int last = s.lastIndexOf(", ");
            return s.substring(0, last) + " and " + s.substring(last + 2);
        }
        return s;
    }
}
