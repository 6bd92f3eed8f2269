package io.fixpoint.bench.lp;

import io.fixpoint.lp.LpResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One solve of one program by one solver, in the same shape for Fixpoint and the peers: what a child
 * process sends back as JSON, and what an in-process Fixpoint solve adds its {@link LpResult} to.
 *
 * @param model            the program's name
 * @param solver           Fixpoint's method name, or ortools-pdlp, ortools-glop, ortools-highs, scipy-highs
 * @param status           the solver's own status (OPTIMAL when it claims optimality at the run's ε)
 * @param objective        the objective it returned, minimised (NaN when none)
 * @param seconds          wall time of the solve
 * @param iterations       iterations (simplex or PDHG), −1 where the peer does not say
 * @param kktPasses        KKT passes, one A·x and one Aᵀ·y each, −1 where the peer does not say
 * @param secondsTo1e4     time when the relative KKT error first fell to 1e-4, NaN when it never did
 * @param kktPassesTo1e4   KKT passes at that moment, −1 when it never did
 * @param peakMemoryMb     peak resident memory of the process that ran the solve (NaN when not measured)
 * @param baseMemoryMb     resident memory of that process before the solve (NaN when not measured)
 * @param columns          the program's columns, −1 when the process did not read it
 * @param nonZeros         the program's non-zeros, −1 when the process did not read it
 * @param result           Fixpoint's own result when the solve ran in this process, else null
 */
public record LpRun(String model, String solver, String status, double objective, double seconds, long iterations, long kktPasses,
        double secondsTo1e4, long kktPassesTo1e4, double peakMemoryMb, double baseMemoryMb, int columns, long nonZeros, LpResult result) {

    public boolean optimal() {
        return status.equals("OPTIMAL");
    }

    public boolean reached1e4() {
        return !Double.isNaN(secondsTo1e4);
    }

    /** A solve that did not come back (the process died, or never got to it). */
    public boolean failed() {
        return status.startsWith(ChildRuns.ERROR);
    }

    public LpRun withMemory(double peak, double base) {
        return new LpRun(model, solver, status, objective, seconds, iterations, kktPasses, secondsTo1e4, kktPassesTo1e4, peak, base, columns,
                nonZeros, result);
    }

    public LpRun withSize(int n, long nnz) {
        return new LpRun(model, solver, status, objective, seconds, iterations, kktPasses, secondsTo1e4, kktPassesTo1e4, peakMemoryMb,
                baseMemoryMb, n, nnz, result);
    }

    Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("solver", solver);
        m.put("status", status);
        m.put("objective", finite(objective));
        m.put("seconds", finite(seconds));
        m.put("iterations", iterations);
        m.put("kktPasses", kktPasses);
        m.put("secondsTo1e4", finite(secondsTo1e4));
        m.put("kktPassesTo1e4", kktPassesTo1e4);
        m.put("peakMemoryMb", finite(peakMemoryMb));
        m.put("baseMemoryMb", finite(baseMemoryMb));
        m.put("columns", columns);
        m.put("nonZeros", nonZeros);
        return m;
    }

    static LpRun fromFields(Map<String, Object> m) {
        return new LpRun((String) m.get("model"), (String) m.get("solver"), (String) m.get("status"), number(m.get("objective")),
                number(m.get("seconds")), ((Number) m.get("iterations")).longValue(), ((Number) m.get("kktPasses")).longValue(),
                number(m.get("secondsTo1e4")), ((Number) m.get("kktPassesTo1e4")).longValue(), number(m.get("peakMemoryMb")),
                number(m.get("baseMemoryMb")), ((Number) m.get("columns")).intValue(), ((Number) m.get("nonZeros")).longValue(), null);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }

    private static double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.parseDouble((String) o);
    }
}
