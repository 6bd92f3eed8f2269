package io.fixpoint.model;

import io.fixpoint.problem.FiniteSum;
import io.fixpoint.train.Training;
import java.util.Arrays;
import java.util.List;

/**
 * Models by specification, as the command line names them: {@code logistic}, {@code softmax},
 * {@code mlp:H1,H2,…}, {@code char-gru:H} and {@code mf:RANK}. A specification and data make a
 * {@link Setup}: the training sum, the held-out validation and the initial parameters, all fixed by one
 * seed (split, initial weights).
 */
public final class Models {
    /** The specifications, as patterns. */
    public static final List<String> NAMES = List.of("logistic", "softmax", "mlp:H1,H2,...", "char-gru:H", "mf:RANK");
    /** Fraction of the data held out for validation. */
    public static final double HELD_OUT = 0.2;
    /** Characters predicted per window of the language model, by default. */
    public static final int WINDOW = 32;

    private Models() {
    }

    /** What a training run needs from a model. */
    public record Setup(String model, FiniteSum train, Training.Validation validation, double[] initial, String description) {
    }

    /** True for specifications that model text ({@code char-gru:H}). */
    public static boolean isLanguageModel(String spec) {
        return spec.startsWith("char-gru");
    }

    /** A model of a table: logistic, softmax, mlp (with {@code activation}) or mf. */
    public static Setup forTable(String spec, Dataset data, long seed, double l2, Activation activation) {
        String kind = kind(spec);
        if (kind.equals("char-gru")) {
            throw new IllegalArgumentException("char-gru models text; " + data.name() + " is a table (use --data abstracts)");
        }
        if (kind.equals("mf")) {
            int rank = sizes(spec, 1)[0];
            MatrixFactorization.Split s = MatrixFactorization.of(data, rank, l2, HELD_OUT, seed);
            return new Setup(spec, s.train(), s.heldOut()::metrics, s.train().initialParameters(seed),
                    "rank-" + rank + " factorisation of the " + data.rows() + "×" + data.features() + " feature matrix of " + data.name() + ", "
                            + s.train().size() + " entries to fit, " + s.heldOut().size() + " held out");
        }
        if (!data.labelled()) {
            throw new IllegalArgumentException(data.name() + " has no labels; " + kind + " needs a label column");
        }
        Dataset.Split split = data.split(HELD_OUT, seed);
        Mlp train = switch (kind) {
            case "logistic" -> Mlp.logistic(split.train(), l2);
            case "softmax" -> Mlp.softmax(split.train(), l2);
            case "mlp" -> Mlp.classifier(split.train(), sizes(spec, -1), activation, l2);
            default -> throw unknown(spec);
        };
        Mlp heldOut = train.on(split.heldOut());
        return new Setup(spec, train, heldOut::metrics, train.initialParameters(seed),
                kind + " " + Arrays.toString(train.sizes()) + (kind.equals("mlp") ? " " + activation.key() : "") + " on " + data.name() + ", "
                        + split.train().rows() + " rows to train, " + split.heldOut().rows() + " held out");
    }

    /** The character-level GRU of {@code spec} ({@code char-gru:H}) over {@code corpus}, predicting {@code window} characters per example. */
    public static Setup forCorpus(String spec, Corpus corpus, int window, long seed, double l2) {
        if (!kind(spec).equals("char-gru")) {
            throw new IllegalArgumentException(corpus.name() + " is a text; its model is char-gru:H, not " + spec);
        }
        int hidden = sizes(spec, 1)[0];
        Corpus.Windows w = corpus.windows(window, HELD_OUT, seed);
        CharGru train = new CharGru(corpus, w.train(), window, hidden, l2);
        CharGru heldOut = train.on(w.heldOut());
        return new Setup(spec, train, heldOut::metrics, train.initialParameters(seed),
                "char-gru H=" + hidden + " over " + corpus.vocabulary() + " characters of " + corpus.name() + ", windows of " + window + ": "
                        + w.train().length + " to train, " + w.heldOut().length + " held out");
    }

    private static String kind(String spec) {
        String kind = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
        if (!List.of("logistic", "softmax", "mlp", "char-gru", "mf").contains(kind)) {
            throw unknown(spec);
        }
        boolean sized = kind.equals("mlp") || kind.equals("char-gru") || kind.equals("mf");
        if (sized != spec.contains(":")) {
            throw new IllegalArgumentException(sized ? "model " + spec + " needs its sizes: " + NAMES.stream().filter(n -> n.startsWith(kind))
                    .findFirst().orElse(kind) : "model " + kind + " takes no sizes");
        }
        return kind;
    }

    /** The comma-separated positive sizes after the colon; exactly {@code count} of them unless count is −1. */
    private static int[] sizes(String spec, int count) {
        String list = spec.substring(spec.indexOf(':') + 1);
        int[] sizes;
        try {
            sizes = Arrays.stream(list.split(",", -1)).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model " + spec + ": '" + list + "' is not a list of whole numbers");
        }
        if ((count > 0 && sizes.length != count) || Arrays.stream(sizes).anyMatch(s -> s < 1 || s > 100_000)) {
            throw new IllegalArgumentException("model " + spec + " needs " + (count > 0 ? count : "one or more") + " sizes between 1 and 100000");
        }
        return sizes;
    }

    private static IllegalArgumentException unknown(String spec) {
        return new IllegalArgumentException("unknown model '" + spec + "'; expected one of " + String.join(", ", NAMES));
    }
}
