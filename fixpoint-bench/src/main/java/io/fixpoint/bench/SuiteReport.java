package io.fixpoint.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one suite run measured and how to show it. Every sentence in {@code text} and {@code html}
 * is generated from this run's records and settings.
 *
 * @param suite   the suite's name
 * @param title   the section's heading
 * @param records one per solve, judged by the suite's judge
 * @param text    what the terminal shows
 * @param html    the section of the HTML report (opens with an h2 whose id is the suite's name)
 * @param files   further files for the report directory's {@code suite/} folder, by file name
 * @param notes   what was skipped and why, and anything else a reader must know
 * @param failed  the run itself failed (e.g. a peer's problem definitions disagree with Fixpoint's)
 * @param seconds wall time of the suite
 */
public record SuiteReport(String suite, String title, List<SolveRecord> records, String text, String html, Map<String, String> files,
        List<String> notes, boolean failed, double seconds) {

    public SuiteReport {
        records = List.copyOf(records);
        files = new LinkedHashMap<>(files);
        notes = List.copyOf(notes);
    }

    /** The files the report directory gets for this suite: results.csv and results.json of the records, plus the suite's own. */
    public Map<String, String> allFiles() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("results.csv", BenchFiles.csv(records));
        all.put("results.json", BenchFiles.json(records));
        all.putAll(files);
        return all;
    }

    /** How many records the judge counts as solved, of those that ran. */
    public long solved() {
        return records.stream().filter(SolveRecord::solved).count();
    }
}
