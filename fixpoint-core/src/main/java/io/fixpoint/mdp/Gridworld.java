package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import java.util.ArrayList;
import java.util.List;

/**
 * A slippery N×N gridworld: state r·N + c is the cell in row r and column c; actions 0 up, 1 right, 2 down,
 * 3 left move as intended with probability 0.8 and to either side with 0.1 each, staying put against a wall.
 * The goal, the far corner N² − 1, pays 1 and sends the walker back to the start 0 whatever it does, so every
 * policy that reaches the goal is recurrent and the average-reward criterion applies as well: the optimal gain
 * is one over the shortest expected round trip.
 */
public final class Gridworld {
    private static final int[] ROW = {-1, 0, 1, 0};
    private static final int[] COLUMN = {0, 1, 0, -1};

    private Gridworld() {
    }

    /**
     * @param size     N ≥ 2
     * @param discount γ ∈ [0, 1)
     */
    public static MarkovDecisionProcess build(int size, double discount) {
        if (size < 2 || size > 1000) {
            throw new IllegalArgumentException("the gridworld size N must lie in [2, 1000], got " + size);
        }
        int goal = size * size - 1;
        List<Transition> rows = new ArrayList<>();
        for (int s = 0; s < size * size; s++) {
            for (int a = 0; a < 4; a++) {
                if (s == goal) {
                    rows.add(new Transition(s, a, 0, 1, 1));
                    continue;
                }
                rows.add(new Transition(s, a, move(s, a, size), 0.8, 0));
                rows.add(new Transition(s, a, move(s, (a + 1) % 4, size), 0.1, 0));
                rows.add(new Transition(s, a, move(s, (a + 3) % 4, size), 0.1, 0));
            }
        }
        return MarkovDecisionProcess.of(rows, discount);
    }

    private static int move(int s, int direction, int size) {
        int r = s / size + ROW[direction];
        int c = s % size + COLUMN[direction];
        return r < 0 || r >= size || c < 0 || c >= size ? s : r * size + c;
    }
}
