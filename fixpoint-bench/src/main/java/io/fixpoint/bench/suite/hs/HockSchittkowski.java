package io.fixpoint.bench.suite.hs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.problem.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Test problems of Hock and Schittkowski, <i>Test Examples for Nonlinear Programming Codes</i>
 * (Lecture Notes in Economics and Mathematical Systems 187, Springer, 1981): objectives and
 * constraints as expressions in x1, …, xn, bounds, the book's starting points and optimal values,
 * read from {@code hock-schittkowski.json} (its provenance is in {@code hock-schittkowski.md} beside it).
 */
public final class HockSchittkowski {
    public static final String SUITE = "hock-schittkowski";
    private static final String RESOURCE = "/io/fixpoint/bench/suite/hock-schittkowski.json";
    private static final String REFERENCE = "Hock and Schittkowski (1981)";

    private HockSchittkowski() {
    }

    /** Every problem, in the book's order. */
    public static List<ConstrainedTestProblem> problems() {
        try (InputStream in = HockSchittkowski.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            List<ConstrainedTestProblem> out = new ArrayList<>();
            for (JsonNode p : new ObjectMapper().readTree(in)) {
                out.add(problem(p));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static ConstrainedTestProblem problem(JsonNode p) {
        int n = p.path("n").asInt();
        List<String> variables = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            variables.add("x" + i);
        }
        List<String> constraints = new ArrayList<>();
        p.path("constraints").forEach(c -> constraints.add(c.asText()));
        return new ConstrainedTestProblem(p.path("name").asText(), SUITE, variables, p.path("objective").asText(), constraints,
                new Bounds(bound(p.path("lower"), n, Double.NEGATIVE_INFINITY), bound(p.path("upper"), n, Double.POSITIVE_INFINITY)),
                numbers(p.path("x0")), p.path("fstar").asDouble(), REFERENCE);
    }

    private static double[] bound(JsonNode array, int n, double absent) {
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            JsonNode v = array.path(i);
            b[i] = v.isNumber() ? v.asDouble() : absent;
        }
        return b;
    }

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }
}
