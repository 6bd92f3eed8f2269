package io.fixpoint.cli;

import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.minimize.Minimizers;
import java.util.ArrayList;
import java.util.List;

/** The one place the command line turns names into test problems and methods. */
final class Catalog {
    private Catalog() {
    }

    /** Every built-in minimisation test problem, in a stable order. */
    static List<TestProblem> problems() {
        return List.of(); // the test suites land separately
    }

    /** The problem called {@code name}, or an {@link IllegalArgumentException} listing the known names. */
    static TestProblem problem(String name) {
        for (TestProblem p : problems()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown problem '" + name + "'; known problems: "
                + String.join(", ", problems().stream().map(TestProblem::name).toList()));
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
