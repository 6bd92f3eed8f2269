package io.fixpoint.cli;

import io.fixpoint.bench.fixedpoint.FixedPointBench;
import io.fixpoint.bench.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint bench-fixed-point}: fixed-point and root methods on the standard maps and MGH systems, beside SciPy. */
@Command(name = "bench-fixed-point", mixinStandardHelpOptions = true,
        description = {"Benchmark the fixed-point and root methods, beside SciPy.",
                "Every fixed-point method on the standard maps (contractive linear, averaged rotation, cos, a nonlinear "
                        + "elliptic PDE, the Sinkhorn scaling map), every root method on the square MGH systems, and the "
                        + "displacement estimates on maps without a fixed point. SciPy (scipy.optimize.root hybr, broyden1, "
                        + "anderson, krylov; scipy.optimize.fixed_point) runs on the same problems in the same run when python3 "
                        + "with SciPy is installed, and is skipped otherwise."})
final class BenchFixedPointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", defaultValue = "3", description = "timing repeats; times are medians (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--no-scipy", description = "do not run the SciPy peer")
    boolean noScipy;

    @Option(names = "--json", description = "one JSON object per solve, then one per detection row")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "also write DIR/fixed-point.csv and DIR/fixed-point.json, one row per solve")
    Path reportDir;

    /** The last run, for the bench report. */
    FixedPointBench.Report lastReport;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new UserError("--repeats must be ≥ 1, got " + repeats);
        }
        if (reportDir != null) {
            try {
                Files.createDirectories(reportDir); // fail before the run, not after it
            } catch (IOException e) {
                throw new UserError("cannot write the report to " + reportDir + ": " + e);
            }
        }
        FixedPointBench.Report report = FixedPointBench.run(repeats, !noScipy);
        lastReport = report;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            report.rows().forEach(r -> out.println(Json.write(json(r))));
            report.detection().forEach(d -> out.println(Json.write(d)));
        } else {
            out.print(FixedPointBench.text(report));
        }
        out.flush();
        if (reportDir != null) {
            write(report, reportDir);
        }
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(FixedPointBench.Row r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("section", r.section());
        m.put("problem", r.problem());
        m.put("peer", r.peer());
        m.put("method", r.method());
        m.put("status", r.status());
        m.put("solved", r.solved());
        m.put("iterations", r.iterations());
        m.put("evaluations", r.evaluations());
        m.put("jacobians", r.jacobians());
        m.put("residual", Json.finiteOrString(r.residual()));
        m.put("seconds", r.seconds());
        return m;
    }

    private void write(FixedPointBench.Report report, Path dir) {
        List<String> csv = new ArrayList<>(List.of("section,problem,peer,method,status,solved,iterations,evaluations,jacobians,residual,seconds"));
        for (FixedPointBench.Row r : report.rows()) {
            csv.add(String.join(",", ReportWriter.csvField(r.section()), ReportWriter.csvField(r.problem()), ReportWriter.csvField(r.peer()),
                    ReportWriter.csvField(r.method()), ReportWriter.csvField(r.status()), String.valueOf(r.solved()), String.valueOf(r.iterations()),
                    String.valueOf(r.evaluations()), String.valueOf(r.jacobians()), String.format(Locale.ROOT, "%.6e", r.residual()),
                    String.format(Locale.ROOT, "%.6e", r.seconds())));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", report.rows().stream().map(BenchFixedPointCommand::json).toList());
        doc.put("detection", report.detection());
        doc.put("notes", report.notes());
        try {
            Files.writeString(dir.resolve("fixed-point.csv"), String.join("\n", csv) + "\n", StandardCharsets.UTF_8);
            Files.writeString(dir.resolve("fixed-point.json"), Json.write(doc), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("cannot write the report to " + dir + ": " + e.getMessage());
        }
        spec.commandLine().getErr().println("wrote " + dir.resolve("fixed-point.csv") + " and " + dir.resolve("fixed-point.json"));
    }
}
