package io.fixpoint.lp;

import io.fixpoint.problem.LinearProgram;
import java.util.List;

/**
 * A linear program as an MPS file states it: the program (always a minimisation: a maximisation's
 * objective is negated), whether the file asked to maximise, and the row and column names.
 */
public record MpsModel(String name, LinearProgram program, boolean maximize, List<String> rowNames, List<String> columnNames) {

    /** The objective in the file's own sense, from the minimised program's value. */
    public double objectiveInFileSense(double minimised) {
        return maximize ? -minimised : minimised;
    }
}
