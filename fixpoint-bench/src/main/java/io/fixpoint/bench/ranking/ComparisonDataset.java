package io.fixpoint.bench.ranking;

import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.ComparisonData.Home;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A comparison data set shipped in the jar ({@code comparisons/} resources; see their README for
 * provenance) with the columns it is read by.
 *
 * @param name        short name used in reports
 * @param file        the resource's file name
 * @param columns     how its rows are read
 * @param description one line for reports
 */
public record ComparisonDataset(String name, String file, ComparisonCsv columns, String description) {

    /** 1987 American League East, counts per pair of series results (home team first). */
    public static final ComparisonDataset BASEBALL = new ComparisonDataset("baseball", "baseball-1987.csv",
            ComparisonCsv.counts("home.team", "away.team", "home.wins", "away.wins").withHomeSide(Home.FIRST),
            "1987 American League East: 7 teams, 42 home series (Agresti 2002)");

    /** NCAA men's ice hockey 2009–10, one row per game; home.ice says the opponent (item2) was at home. */
    public static final ComparisonDataset ICEHOCKEY = new ComparisonDataset("icehockey", "ncaa-icehockey-2009-10.csv",
            ComparisonCsv.games("visitor", "opponent", "result").withHome("home.ice", Home.SECOND),
            "NCAA men's ice hockey 2009-10: 58 teams, 1083 games, 125 ties");

    public static List<ComparisonDataset> all() {
        return List.of(BASEBALL, ICEHOCKEY);
    }

    /** The data set called {@code name}, or an exception listing the known names. */
    public static ComparisonDataset byName(String name) {
        return all().stream().filter(d -> d.name.equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown comparison data set '" + name + "'; known: " + String.join(", ", all().stream().map(ComparisonDataset::name).toList())));
    }

    /** The file's text. */
    public String text() {
        try (InputStream in = ComparisonDataset.class.getResourceAsStream("/comparisons/" + file)) {
            if (in == null) {
                throw new IllegalStateException("resource comparisons/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ComparisonData data() {
        return columns.parse(file, text());
    }

    /** The first {@code rows} data rows only (the early season of a game-by-game file). */
    public ComparisonData firstRows(int rows) {
        List<String> lines = text().lines().toList();
        return columns.parse(file + " (first " + rows + " rows)", String.join("\n", lines.subList(0, Math.min(lines.size(), rows + 1))));
    }
}
