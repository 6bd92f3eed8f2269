package io.fixpoint.bench;

import io.fixpoint.bench.report.RecordGrid;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The place of a suite whose module is not on the class path: it runs nothing, and its report (text,
 * HTML section and note alike) says that it did not run and how to run it.
 *
 * @param name        the missing suite's name
 * @param title       its section's heading
 * @param description what it would run
 * @param choices     the choices of {@link SuiteOptions} the suite reads, accepted on its behalf
 * @param how         why it cannot run here and how to run it
 */
record AbsentSuite(String name, String title, String description, Set<SuiteOptions.Choice> choices, String how) implements Suite {

    @Override
    public String description() {
        return description + " (not on this class path: " + how + ")";
    }

    @Override
    public Set<SuiteOptions.Choice> reads(SuiteOptions options) {
        return choices;
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        String line = "the " + name + " suite did not run: " + how;
        String html = "<h2 id=\"" + name + "\">" + RecordGrid.escape(title) + "</h2>\n<p class=\"warn\">"
                + RecordGrid.escape(line) + ".</p>\n";
        return new SuiteReport(name, title, List.of(), line + "\n", html, Map.of(), List.of("not run: " + how), false, 0);
    }
}
