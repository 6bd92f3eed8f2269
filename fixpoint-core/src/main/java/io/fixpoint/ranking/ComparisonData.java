package io.fixpoint.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Results of pairwise comparisons between named items: wins of each side, ties, and which side (if
 * any) played at home. Results for the same two items in the same setting are summed into one
 * record, with the home side (if any) first and neutral pairs in item order, so every iteration
 * costs one pass over the distinct pairings rather than over the games.
 */
public final class ComparisonData {

    /** Which side of a comparison had the home advantage. */
    public enum Home {
        NEUTRAL, FIRST, SECOND
    }

    private final List<String> items;
    final int[] first;
    final int[] second;
    final boolean[] homeFirst;
    final double[] winsFirst;
    final double[] winsSecond;
    final double[] ties;

    private ComparisonData(List<String> items, int records) {
        this.items = items;
        first = new int[records];
        second = new int[records];
        homeFirst = new boolean[records];
        winsFirst = new double[records];
        winsSecond = new double[records];
        ties = new double[records];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The item names, in order of first appearance. */
    public List<String> items() {
        return items;
    }

    public int itemCount() {
        return items.size();
    }

    /** The number of distinct pairings (ordered by home side) after summing. */
    public int recordCount() {
        return first.length;
    }

    /** Wins, losses and ties of all comparisons together. */
    public double comparisons() {
        double s = 0;
        for (int r = 0; r < first.length; r++) {
            s += winsFirst[r] + winsSecond[r] + ties[r];
        }
        return s;
    }

    public double tieCount() {
        double s = 0;
        for (double t : ties) {
            s += t;
        }
        return s;
    }

    /** Comparisons in which one side played at home. */
    public double homeCount() {
        double s = 0;
        for (int r = 0; r < first.length; r++) {
            if (homeFirst[r]) {
                s += winsFirst[r] + winsSecond[r] + ties[r];
            }
        }
        return s;
    }

    /** Collects results and sums them by pairing; every entry is checked as it arrives. */
    public static final class Builder {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Map<Key, double[]> sums = new HashMap<>();
        private final List<Key> order = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds counts for one pairing.
         *
         * @throws IllegalArgumentException for an item compared with itself, a blank name, or a
         *                                  negative or non-finite count
         */
        public Builder counts(String firstItem, String secondItem, double winsFirst, double winsSecond, double ties, Home home) {
            String where = "'" + firstItem + "' vs '" + secondItem + "'";
            if (firstItem == null || firstItem.isBlank() || secondItem == null || secondItem.isBlank()) {
                throw new IllegalArgumentException("an item has no name in the comparison " + where);
            }
            if (firstItem.equals(secondItem)) {
                throw new IllegalArgumentException("item '" + firstItem + "' is compared with itself");
            }
            requireCount("wins of '" + firstItem + "'", winsFirst, where);
            requireCount("wins of '" + secondItem + "'", winsSecond, where);
            requireCount("ties", ties, where);
            int i = indexOf(firstItem);
            int j = indexOf(secondItem);
            double a = winsFirst;
            double b = winsSecond;
            boolean atHome = home != Home.NEUTRAL;
            // Home side first; neutral pairs in item order, so each pairing has one record.
            if (home == Home.SECOND || (home == Home.NEUTRAL && j < i)) {
                int t = i;
                i = j;
                j = t;
                a = winsSecond;
                b = winsFirst;
            }
            Key key = new Key(i, j, atHome);
            double[] s = sums.get(key);
            if (s == null) {
                s = new double[3];
                sums.put(key, s);
                order.add(key);
            }
            s[0] += a;
            s[1] += b;
            s[2] += ties;
            return this;
        }

        /**
         * Adds one game: {@code result} is 1 when the first item won, 0 when it lost, ½ for a tie.
         *
         * @throws IllegalArgumentException for any other result, or as {@link #counts}
         */
        public Builder game(String firstItem, String secondItem, double result, Home home) {
            if (result == 1) {
                return counts(firstItem, secondItem, 1, 0, 0, home);
            }
            if (result == 0) {
                return counts(firstItem, secondItem, 0, 1, 0, home);
            }
            if (result == 0.5) {
                return counts(firstItem, secondItem, 0, 0, 1, home);
            }
            throw new IllegalArgumentException("the result of '" + firstItem + "' vs '" + secondItem
                    + "' must be 1 (first won), 0 (first lost) or 0.5 (tie), got " + result);
        }

        /** @throws IllegalArgumentException when nothing was added */
        public ComparisonData build() {
            if (order.isEmpty()) {
                throw new IllegalArgumentException("no comparisons were given");
            }
            ComparisonData d = new ComparisonData(Collections.unmodifiableList(new ArrayList<>(index.keySet())), order.size());
            for (int r = 0; r < order.size(); r++) {
                Key k = order.get(r);
                double[] s = sums.get(k);
                d.first[r] = k.first;
                d.second[r] = k.second;
                d.homeFirst[r] = k.home;
                d.winsFirst[r] = s[0];
                d.winsSecond[r] = s[1];
                d.ties[r] = s[2];
            }
            return d;
        }

        private int indexOf(String name) {
            return index.computeIfAbsent(name, k -> index.size());
        }

        private static void requireCount(String what, double v, String where) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("the " + what + " in " + where + " must be a finite count ≥ 0, got " + v);
            }
        }
    }

    private record Key(int first, int second, boolean home) {
    }
}
