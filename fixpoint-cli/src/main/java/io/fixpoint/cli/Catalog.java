package io.fixpoint.cli;

import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.minimize.Minimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The one place the command line turns names into test problems and methods. */
final class Catalog {
    private Catalog() {
    }

    /** Every built-in minimisation test problem, in a stable order. */
    static List<TestProblem> problems() {
        return Suites.minimization();
    }

    /** Residual counts m of the sum-of-squares test problems, by name (MGH problems are f = Σ r_i²). */
    static Map<String, Integer> residuals() {
        return Mgh.problems().stream().collect(Collectors.toMap(Mgh.Entry::name, e -> e.function().m()));
    }

    /** The problem called {@code name}, or an {@link IllegalArgumentException} listing the known names. */
    static TestProblem problem(String name) {
        return Suites.problem(name);
    }

    /** The variable-dimension problem called {@code name} at dimension {@code n}, or an {@link IllegalArgumentException} saying why not. */
    static TestProblem problem(String name, int n) {
        return Suites.problem(name, n);
    }

    /** The problems called {@code names}, all of them when {@code names} is empty. */
    static List<TestProblem> problems(List<String> names) {
        return names.isEmpty() ? problems() : names.stream().map(Catalog::problem).toList();
    }

    /** Every registered minimiser's name, in registration order. */
    static List<String> methods() {
        List<String> names = new ArrayList<>();
        Minimizers.names().forEach(names::add);
        return names;
    }

    /** {@code name} after checking it is a registered method; otherwise an exception listing the known names. */
    static String method(String name) {
        Minimizers.byName(name);
        return name;
    }

    /** {@code names} after checking each is a registered method (all of them when empty). */
    static List<String> methods(List<String> names) {
        if (names.isEmpty()) {
            return methods();
        }
        names.forEach(Catalog::method);
        return List.copyOf(names);
    }
}
