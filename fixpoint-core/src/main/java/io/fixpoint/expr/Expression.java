package io.fixpoint.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed arithmetic expression such as {@code b1*(1-exp(-b2*x))}: numbers ({@code 3}, {@code .5},
 * {@code 1e-4}), names, {@code + - * / ^} ({@code ^} right-associative and tighter than unary minus,
 * {@code **} accepted for it), parentheses, the constants {@code pi} and {@code e}, and the functions
 * exp, log, sqrt, sin, cos, tan, atan, sinh, cosh, tanh, abs, erf and pow(a, b).
 *
 * <p>A name bound as a variable shadows a constant: {@code e/2} compiled with the variable {@code e}
 * halves the variable, compiled without it halves Euler's number.
 *
 * <p>Parsing and compiling are iterative: depth and length are limited by memory, not by the call
 * stack (expressions nested thousands deep and sums of thousands of terms work).
 *
 * <p>Immutable. {@link #compile} binds the names to positions in a vector and gives a program that
 * evaluates the value and its exact gradient (reverse-mode automatic differentiation).
 */
public final class Expression {
    /** The named constants, read as such unless a variable of the same name is bound. */
    static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E);

    private final String text;
    private final List<Node> program;
    private final Set<String> names;
    private final Set<String> variables;

    private Expression(String text, List<Node> program) {
        this.text = text;
        this.program = program;
        Set<String> all = new LinkedHashSet<>();
        for (Node n : program) {
            if (n instanceof Node.Name name) {
                all.add(name.name());
            }
        }
        Set<String> free = new LinkedHashSet<>(all);
        free.removeAll(CONSTANTS.keySet());
        this.names = Collections.unmodifiableSet(all);
        this.variables = Collections.unmodifiableSet(free);
    }

    /**
     * Parses {@code text}.
     *
     * @throws ExpressionException naming the column of a syntax error, an unknown function or a wrong argument count
     */
    public static Expression parse(String text) {
        return parse(text, 0);
    }

    /** Parses expressions separated by {@code ;}, e.g. {@code "x*y - 1; x - y"}; columns count from the start of {@code text}. */
    public static List<Expression> parseList(String text) {
        List<Expression> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int end = text.indexOf(';', start);
            String part = end < 0 ? text.substring(start) : text.substring(start, end);
            if (part.isBlank()) {
                throw new ExpressionException("empty expression in the list", start + 1);
            }
            out.add(parse(part, start));
            if (end < 0) {
                return List.copyOf(out);
            }
            start = end + 1;
        }
    }

    /**
     * Parses {@code text}, a piece of a longer line that starts after {@code offset} characters:
     * columns in errors count from the start of that line.
     */
    public static Expression parse(String text, int offset) {
        if (text == null) {
            throw new ExpressionException("no expression given", 0);
        }
        return new Expression(text.strip(), Parser.parse(text, offset));
    }

    /** The names the expression uses that must be bound (not the constants pi and e), in order of first appearance. */
    public Set<String> variables() {
        return variables;
    }

    /** Every name the expression uses, {@code pi} and {@code e} included (they become variables when bound as such). */
    public Set<String> names() {
        return names;
    }

    /**
     * Binds the expression to the ordered {@code names}: {@code values[i]} is the value of {@code names.get(i)}.
     * Names the expression does not use are allowed (their partial derivative is 0). A bound
     * {@code pi} or {@code e} is the variable, not the constant.
     *
     * @throws ExpressionException if the expression uses a name not in {@code names}
     */
    public CompiledExpression compile(List<String> names) {
        return Tape.compile(program, names);
    }

    public CompiledExpression compile(String... names) {
        return compile(Arrays.asList(names));
    }

    /** The source text. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
