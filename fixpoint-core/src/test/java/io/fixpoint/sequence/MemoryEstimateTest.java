package io.fixpoint.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Cell;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.SolverState;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a caller is told before a solve — a cell's shape, a trajectory solver's state — against what is
 * really allocated, counted by walking the objects' array fields.
 */
class MemoryEstimateTest {

    @ParameterizedTest
    @ValueSource(strings = {"tanh-rnn", "gru", "lstm", "pendulum", "lorenz"})
    void aCellsShapeIsWhatItsCellHolds(String name) {
        for (int hidden : new int[] {1, 3, 7}) {
            Cell cell = Cells.recurrence(name, hidden, 4, 1).cell();
            Cells.Shape shape = Cells.shape(name, hidden);
            assertThat(shape.stateDimension()).isEqualTo(cell.stateDimension());
            assertThat(shape.inputDimension()).isEqualTo(cell.inputDimension());
            assertThat(shape.workspace()).isEqualTo(cell.workspaceSize());
            assertThat(shape.weights()).as(name + " weights, hidden " + hidden).isEqualTo(held(cell));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void everyTrajectorySolverSaysWhatItsStateAllocates(int threads) {
        for (String cell : new String[] {"gru", "lstm", "lorenz"}) {
            Recurrence p = Cells.recurrence(cell, 5, 37, 2);
            try (ParallelExecutor ex = ParallelExecutor.of(threads)) {
                for (String method : Catalog.builtIn().names(ProblemKind.SEQUENCE)) {
                    SolverSpec<Recurrence> spec = Catalog.builtIn().sequence(method);
                    TrajectorySolver<?> solver = (TrajectorySolver<?>) spec.create(new SolverContext(ex, Map.of("block", 0.0)));
                    SolverState state = solver.init(p, Sequences.constantGuess(p));
                    long counted = held(state) - p.dimension(); // the guess it took over is the caller's
                    long said = solver.stateDoubles(p.length(), p.stateDimension(), p.cell().workspaceSize());
                    assertThat(said).as(spec.name() + " on " + cell + ", " + threads + " threads").isBetween(counted, counted + counted / 20 + 16);
                }
            }
        }
    }

    /** Numbers held in the arrays reachable from {@code root} through fields of the engine's and EJML's classes. */
    private static long held(Object root) {
        return held(root, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static long held(Object o, Set<Object> seen) {
        if (o == null || !seen.add(o)) {
            return 0;
        }
        Class<?> c = o.getClass();
        if (c.isArray()) {
            if (c.getComponentType().isPrimitive()) {
                return Array.getLength(o);
            }
            long n = 0;
            for (int i = 0; i < Array.getLength(o); i++) {
                n += held(Array.get(o, i), seen);
            }
            return n;
        }
        if (!c.getName().startsWith("io.fixpoint.") && !c.getName().startsWith("org.ejml.")) {
            return 0;
        }
        long n = 0;
        for (; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                    continue;
                }
                f.setAccessible(true);
                try {
                    n += held(f.get(o), seen);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return n;
    }
}
