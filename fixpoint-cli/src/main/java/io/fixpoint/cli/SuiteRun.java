package io.fixpoint.cli;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.compare.Comparison;
import io.fixpoint.bench.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs suites for {@code bench} and for the families' own bench entry points alike: text (or JSON
 * lines, one record per solve) on stdout as each suite finishes, notes on stderr, and with a report
 * directory the one HTML page and the suites' files. Exit 1 when a suite's run failed.
 */
final class SuiteRun {
    private SuiteRun() {
    }

    static int run(List<Suite> suites, SuiteOptions options, boolean json, Path reportDir, PrintWriter out, PrintWriter err) {
        return run(suites, options, json, reportDir, false, out, err);
    }

    /** As above; {@code headers} puts a {@code == suite ==} line before each suite's text (the bench's many suites). */
    static int run(List<Suite> suites, SuiteOptions options, boolean json, Path reportDir, boolean headers, PrintWriter out, PrintWriter err) {
        if (reportDir != null) {
            Writable.directory("--report", "the report", reportDir); // fail before a long run, not after it
        }
        String date = Comparison.now();
        long t0 = System.nanoTime();
        List<SuiteReport> reports = new ArrayList<>();
        boolean failed = false;
        for (Suite s : suites) {
            SuiteReport r = s.run(options);
            options.progress().finish();
            reports.add(r);
            failed |= r.failed();
            if (json) {
                for (SolveRecord rec : r.records()) {
                    out.println(Json.write(rec.json()));
                }
            } else {
                if (headers) {
                    out.println("== " + r.suite() + " ==");
                }
                out.print(r.text());
            }
            out.flush();
            r.notes().forEach(n -> err.println("note: " + r.suite() + ": " + n));
            options.progress().stage(String.format(java.util.Locale.ROOT, "%s: %d solves, %d solved, %.0f s", r.suite(), r.records().size(),
                    r.solved(), r.seconds()));
        }
        if (reportDir != null) {
            try {
                err.println("wrote " + ReportWriter.write(reports, date, (System.nanoTime() - t0) * 1e-9, reportDir));
            } catch (IOException e) {
                throw new UserError("cannot write the report to " + reportDir + ": " + e.getMessage());
            }
        }
        err.flush();
        return failed ? ExitCodes.FAILURE : ExitCodes.OK;
    }

}
