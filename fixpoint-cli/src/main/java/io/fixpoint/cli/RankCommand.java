package io.fixpoint.cli;

import io.fixpoint.bench.ranking.ComparisonCsv;
import io.fixpoint.bench.ranking.ComparisonDataset;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.ranking.BradleyTerryModel;
import io.fixpoint.ranking.ComparisonData;
import io.fixpoint.ranking.ComparisonData.Home;
import io.fixpoint.ranking.Ranking;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.ranking.Ties;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fixpoint rank}: Bradley–Terry ranking from pairwise comparisons in a CSV file. */
@Command(name = "rank", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Rank items from pairwise comparisons by the Bradley–Terry model: scores (log-strengths centred to sum "
                + "to zero) with standard errors from the observed information.",
                "FILE is CSV with a header row, either counts per pair (--wins1/--wins2) or one row per game (--result: 1 item1 "
                        + "won, 0 it lost, 0.5 a tie), or the name of a shipped data set (baseball, icehockey) read with its own columns.",
                "The solve is certified by the gradient norm of the log-likelihood (of the log posterior with --map) at the "
                        + "reported scores. An estimate that does not exist (an item that never lost or never won, a comparison "
                        + "graph that is not strongly connected) is refused before solving, naming the items; --map gives "
                        + "Newman's MAP estimate, which always exists for the strengths.",
                "Exit codes: 0 converged, 1 not converged, 2 bad input or no estimate."})
final class RankCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "CSV file of comparisons, or baseball / icehockey.")
    String file;

    @Option(names = "--item1", paramLabel = "COL", description = "column of the first item")
    String item1;

    @Option(names = "--item2", paramLabel = "COL", description = "column of the second item")
    String item2;

    @Option(names = "--wins1", paramLabel = "COL", description = "counts per pair: item1's wins over item2")
    String wins1;

    @Option(names = "--wins2", paramLabel = "COL", description = "counts per pair: item2's wins over item1")
    String wins2;

    @Option(names = "--result", paramLabel = "COL", description = "one row per game: 1 item1 won, 0 it lost, 0.5 a tie")
    String result;

    @Option(names = "--home", paramLabel = "COL", description = "column that is true (or 1) when the --home-side item played at home")
    String home;

    @Option(names = "--home-side", paramLabel = "item1|item2",
            description = "the side --home marks (default item1); without --home, the side at home in every row")
    String homeSide;

    @Option(names = "--home-advantage", description = "estimate a home advantage h: the home side's strength × exp(h)")
    boolean homeAdvantage;

    @Option(names = "--ties", defaultValue = "half", paramLabel = "half|davidson",
            description = "a tie is half a win for each side (as R's BradleyTerry2), or Davidson's model with ν estimated (default ${DEFAULT-VALUE})")
    String ties;

    @Option(names = "--map", description = "Newman's MAP estimate: one fictitious win and loss per item against a virtual opponent")
    boolean map;

    @Option(names = "--method", defaultValue = "newton", paramLabel = "NAME", completionCandidates = MethodNames.Ranking.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; see fixpoint list)")
    String method;

    @Mixin
    DriverOptions driver;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        SolverSpec<RankingProblem> m = Catalog.builtIn().ranking(method);
        Settings settings = driver.over(m.defaults());
        if (settings.tolerances().absolute() == 0 && settings.tolerances().relative() == 0) {
            throw new UserError("--tol must be > 0 for a ranking (the bound on ‖∇f‖ at the reported scores), or give --rtol");
        }
        ComparisonData data = read();
        BradleyTerryModel model = BradleyTerryModel.of(data, tieModel(), homeAdvantage, map);
        if (homeAdvantage && data.homeCount() == 0) {
            throw new UserError("--home-advantage needs to know who played at home: --home COL (a true/false column, "
                    + "with --home-side item1|item2) or --home-side alone when that side was at home in every row");
        }
        RankingFit fit;
        try (SolveProgress progress = new SolveProgress(spec.commandLine().getErr(), m.name(), "‖∇f‖", settings.timeLimit())) {
            fit = Ranking.fit(model, m, settings, true, progress);
        } catch (InvalidProblemException e) {
            throw new UserError(e.getMessage() + (map ? "" : "; --map gives the MAP estimate"));
        }
        print(fit);
        return fit.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private Ties tieModel() {
        return switch (ties.toLowerCase(Locale.ROOT)) {
            case "half" -> Ties.HALF;
            case "davidson" -> Ties.DAVIDSON;
            default -> throw new UserError("--ties must be half or davidson, got '" + ties + "'");
        };
    }

    private Home side() {
        if (homeSide == null) {
            return home != null ? Home.FIRST : Home.NEUTRAL;
        }
        return switch (homeSide.toLowerCase(Locale.ROOT)) {
            case "item1" -> Home.FIRST;
            case "item2" -> Home.SECOND;
            default -> throw new UserError("--home-side must be item1 or item2, got '" + homeSide + "'");
        };
    }

    private ComparisonData read() {
        Path path = Path.of(file);
        boolean columns = item1 != null || item2 != null || wins1 != null || wins2 != null || result != null || home != null || homeSide != null;
        if (!Files.isRegularFile(path) && ComparisonDataset.all().stream().anyMatch(d -> d.name().equals(file))) {
            if (columns) {
                throw new UserError("'" + file + "' is a shipped data set read with its own columns; column options apply to CSV files");
            }
            return ComparisonDataset.byName(file).data();
        }
        if (!Files.isRegularFile(path)) {
            throw new UserError("no such file: " + file + " (shipped data sets: "
                    + String.join(", ", ComparisonDataset.all().stream().map(ComparisonDataset::name).toList()) + ")");
        }
        if (item1 == null || item2 == null) {
            throw new UserError("name the item columns: --item1 COL --item2 COL, then --wins1 COL --wins2 COL (counts per pair) "
                    + "or --result COL (one row per game)");
        }
        if ((wins1 == null) != (wins2 == null)) {
            throw new UserError("--wins1 and --wins2 go together (item1's wins and item2's wins in each row)");
        }
        if (wins1 != null && result != null) {
            throw new UserError("give --wins1/--wins2 (counts per pair) or --result (one row per game), not both");
        }
        if (wins1 == null && result == null) {
            throw new UserError("give --wins1 COL --wins2 COL (counts per pair) or --result COL (one row per game)");
        }
        ComparisonCsv layout = new ComparisonCsv(item1, item2, wins1, wins2, result, home, side());
        return layout.read(path);
    }

    private void print(RankingFit fit) {
        PrintWriter out = spec.commandLine().getOut();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < fit.items().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> -fit.scores()[i]).thenComparing(i -> fit.items().get(i)));
        if (json) {
            out.println(Json.write(json(fit, order)));
        } else {
            text(out, fit, order);
        }
        out.flush();
    }

    private Map<String, Object> json(RankingFit fit, List<Integer> order) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", fit.status().name());
        m.put("message", fit.message());
        m.put("method", fit.method());
        m.put("iterations", fit.iterations());
        m.put("gradientNorm", fit.gradientNorm());
        m.put("tolerance", fit.tolerance());
        m.put("estimate", map ? "MAP" : "maximum likelihood");
        m.put("ties", fit.model().ties().name().toLowerCase(Locale.ROOT));
        m.put("comparisons", fit.model().data().comparisons());
        m.put("logLikelihood", Json.finiteOrString(fit.logLikelihood()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i : order) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", fit.items().get(i));
            item.put("score", fit.scores()[i]);
            item.put("standardError", finiteOrNull(fit.standardErrors()[i]));
            items.add(item);
        }
        m.put("items", items);
        if (fit.model().homeAdvantage()) {
            m.put("homeAdvantage", estimate(fit.homeAdvantage(), fit.homeStandardError()));
        }
        if (fit.model().ties() == Ties.DAVIDSON) {
            m.put("logTie", estimate(fit.logTie(), fit.logTieStandardError()));
        }
        m.put("evaluations", fit.solution().evaluations().byName());
        m.put("seconds", fit.solution().seconds());
        return m;
    }

    private static Map<String, Object> estimate(double value, double se) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimate", value);
        m.put("standardError", finiteOrNull(se));
        return m;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private void text(PrintWriter out, RankingFit fit, List<Integer> order) {
        BradleyTerryModel m = fit.model();
        out.printf(Locale.ROOT, "Bradley–Terry %s of %d items from %s comparisons%s%s%n", map ? "MAP estimate" : "maximum likelihood",
                fit.items().size(), number(m.data().comparisons()),
                m.ties() == Ties.DAVIDSON ? ", Davidson ties" : m.data().tieCount() > 0 ? ", ties as half wins" : "",
                m.homeAdvantage() ? ", home advantage" : "");
        out.printf(Locale.ROOT, "%s: %s%n", fit.status(), fit.message());
        out.printf(Locale.ROOT, "‖∇%s‖ = %.3e after %d iterations (%s, %.3f s), log-likelihood %.6f%n", map ? "log posterior" : "ℓ",
                fit.gradientNorm(), fit.iterations(), fit.method(), fit.solution().seconds(), fit.logLikelihood());
        int width = Math.max(4, fit.items().stream().mapToInt(String::length).max().orElse(4));
        out.printf(Locale.ROOT, "%5s  %-" + width + "s %12s %12s%n", "rank", "item", "score", "std. error");
        int rank = 1;
        for (int i : order) {
            out.printf(Locale.ROOT, "%5d  %-" + width + "s %12.6f %12s%n", rank++, fit.items().get(i), fit.scores()[i], se(fit.standardErrors()[i]));
        }
        if (m.homeAdvantage()) {
            out.printf(Locale.ROOT, "home advantage h = %.6f (std. error %s): the home side's strength × %.4f%n", fit.homeAdvantage(),
                    se(fit.homeStandardError()).strip(), Math.exp(fit.homeAdvantage()));
        }
        if (m.ties() == Ties.DAVIDSON) {
            out.printf(Locale.ROOT, "Davidson's tie parameter ν = %.6f (log ν = %.6f, std. error %s)%n", Math.exp(fit.logTie()), fit.logTie(),
                    se(fit.logTieStandardError()).strip());
        }
        if (Arrays.stream(fit.standardErrors()).anyMatch(Double::isNaN)) {
            out.println(fit.converged() ? "standard errors need the dense information matrix: not formed above "
                    + BradleyTerryModel.DENSE_LIMIT + " parameters" : "no standard errors: the solve did not converge");
        }
    }

    private static String se(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%12.6f", v) : String.format(Locale.ROOT, "%12s", "—");
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
