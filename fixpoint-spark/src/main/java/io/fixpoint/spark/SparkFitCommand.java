package io.fixpoint.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Solution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fixpoint spark-fit}: fits a linear model to a LIBSVM or CSV file with one of the engine's minimisers,
 * the sums computed by Spark when {@code --master} is given ({@code local[N]} embedded, or a cluster
 * URL), else by threads in this JVM, the default. Its own entry point, because Spark is provided by the
 * installation ({@code ./fixpoint} puts it on the class path; {@code spark-submit} does on a cluster),
 * so that the other commands start without it. Exit codes: 0 converged, 1 not, 2 bad input.
 */
@Command(name = "spark-fit", mixinStandardHelpOptions = true,
        description = "Fit a logistic (binary or multinomial), least-squares or Huber model with an L2 or elastic-net penalty to a LIBSVM or CSV file, on Spark or in process.")
public final class SparkFitCommand implements Callable<Integer> {
    static final String MULTINOMIAL = "multinomial";
    /** The master URLs Spark accepts (SparkContext.createTaskScheduler), checked before a context is started. */
    static final java.util.regex.Pattern SPARK_MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\d+|\\*)(,\\d+)?]|local-cluster\\[\\d+,\\d+,\\d+]|spark://\\S+|yarn|k8s://\\S+");
    /** Classes a multinomial fit accepts: K(d+1) coefficients are held on the driver and sent per pass. */
    static final int MAX_CLASSES = 10_000;

    @Option(names = "--data", required = true, description = "LIBSVM file (1-based indices; labels 0/1 for logistic), or CSV with a header")
    Path data;

    @Option(names = "--format", description = "libsvm or csv (default: csv for a .csv file, else libsvm)")
    String format;

    @Option(names = "--label", description = "a CSV file's label column; every other column is a feature (default: label)")
    String label;

    @Option(names = "--loss", defaultValue = "logistic",
            description = "logistic, multinomial (classes 0 … K−1, K = largest label + 1), squared or huber (default: ${DEFAULT-VALUE})")
    String loss;

    @Option(names = "--l2", defaultValue = "0", description = "L2 penalty λ₂, MLlib's regParam when --l1 is 0 (default: ${DEFAULT-VALUE})")
    double l2;

    @Option(names = "--l1", defaultValue = "0", description = "L1 penalty λ₁ on the coefficients; MLlib's regParam = l1 + l2, "
            + "elasticNetParam = l1/(l1 + l2) (default: ${DEFAULT-VALUE})")
    double l1;

    @Option(names = "--method", description = "lbfgs or trust-newton-cg; owlqn, the one method with --l1 > 0 (default: lbfgs, owlqn with --l1 > 0)")
    String method;

    @Option(names = "--hessian", defaultValue = "products", description = "what Newton methods get: products (a pass per Hessian–vector "
            + "product) or dense (the Hessian assembled in the gradient's pass: one pass per iteration, (d+1)(d+2)/2 multiply-adds a row; "
            + "one margin, d + 1 ≤ " + GlmSum.HESSIAN_LIMIT + ") (default: ${DEFAULT-VALUE})")
    String hessian;

    @Option(names = "--tol", defaultValue = "1e-6", description = "stop when ‖∇f‖₂ (owlqn: the least subgradient's norm) ≤ this (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--max-iter", defaultValue = "500", description = "iteration budget (default: ${DEFAULT-VALUE})")
    int maxIterations;

    @Option(names = "--master", description = "Spark master URL, e.g. local[2]; without it the sums run in this JVM")
    String master;

    @Option(names = "--partitions", defaultValue = "2", description = "partitions of the data, threads in process (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--depth", defaultValue = "2", description = "treeAggregate depth (default: ${DEFAULT-VALUE})")
    int depth;

    @Option(names = "--no-standardization", description = "penalise the original coefficients instead of the standardised ones")
    boolean noStandardization;

    @Option(names = "--compare-mllib", description = "also fit with MLlib's LogisticRegression on the same session (figures under 'mllib')")
    boolean compareMllib;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code. */
    static int run(String... args) {
        CommandLine cl = new CommandLine(new SparkFitCommand());
        cl.setParameterExceptionHandler((e, a) -> { // one line, as every other command
            e.getCommandLine().getErr().println("error: " + e.getMessage());
            return 2;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            boolean bad = e instanceof IllegalArgumentException || e instanceof java.io.IOException;
            c.getErr().println((bad ? "error: " : "internal error: ") + e.getMessage());
            return bad ? 2 : 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        int classes = MULTINOMIAL.equalsIgnoreCase(loss) ? 0 : 1;
        Loss l = classes == 1 ? scalarLoss(loss) : Loss.LOGISTIC;
        if (!Files.isRegularFile(data) || !Files.isReadable(data)) {
            throw new IllegalArgumentException("cannot read --data " + data + (Files.isDirectory(data) ? ": a directory"
                    : Files.exists(data) ? ": not readable" : ": no such file"));
        }
        if (compareMllib && master == null) {
            throw new IllegalArgumentException("--compare-mllib runs MLlib on Spark: give --master");
        }
        if (master != null && !SPARK_MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master '" + master + "' is not a Spark master URL (local, local[N], local[*], "
                    + "spark://HOST:PORT, yarn, k8s://URL)");
        }
        if (method == null) {
            method = l1 > 0 ? "owlqn" : "lbfgs";
        }
        boolean penalised = GlmFit.checkMethod(method, l1);
        boolean dense = switch (hessian) {
            case "products" -> false;
            case "dense" -> true;
            default -> throw new IllegalArgumentException("--hessian '" + hessian + "' is neither products nor dense");
        };
        if (dense && penalised) {
            throw new IllegalArgumentException("--hessian dense serves Newton methods; " + method + " takes no Hessian");
        }
        LibSvm.Data d = DataFormat.of(format, data).read(data, label);
        if (classes == 0) {
            classes = classes(d.rows());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Solution s;
        if (master == null) {
            try (ParallelExecutor ex = ParallelExecutor.of(partitions)) {
                ArrayGlmSum sum = classes == 1 ? ArrayGlmSum.of(d.rows(), d.features(), l, l2, !noStandardization, partitions, ex)
                        : ArrayGlmSum.multinomial(d.rows(), d.features(), classes, l2, !noStandardization, partitions, ex);
                s = GlmFit.fit(dense ? sum.withDenseHessian() : sum, l1, method, tolerance, maxIterations);
            }
        } else {
            SparkSession spark = SparkSession.builder().master(master).appName("fixpoint spark-fit").config("spark.ui.enabled", "false")
                    .getOrCreate();
            try {
                spark.sparkContext().setLogLevel("WARN");
                JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                JobCounter jobs = JobCounter.on(spark.sparkContext());
                var rows = jsc.parallelize(d.rows(), partitions);
                try (SparkGlmSum sum = classes == 1 ? SparkGlmSum.of(rows, d.features(), l, l2, !noStandardization, depth)
                        : SparkGlmSum.multinomial(rows, d.features(), classes, l2, !noStandardization, depth)) {
                    s = GlmFit.fit(dense ? sum.withDenseHessian() : sum, l1, method, tolerance, maxIterations);
                    out.put("sparkJobs", jobs.jobs());
                    jobs.close();
                    if (compareMllib) {
                        out.put("mllib", MllibReference.fit(spark, rows, d.features(), sum, l1, !noStandardization).figures());
                    }
                }
            } finally {
                spark.stop();
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", s.status().name());
        result.put("message", s.message());
        result.put("method", method);
        result.put("hessian", hessian);
        result.put("objective", s.value());
        result.put("gradientNorm", s.optimality());
        result.put("passes", (long) s.details().get("passes") + GlmSum.SETUP_PASSES);
        result.put("iterations", s.iterations());
        result.put("evaluations", s.evaluations().byName());
        result.put("seconds", s.seconds());
        result.put("examples", d.rows().size());
        result.put("features", d.features());
        result.put("broadcastBytes", s.details().get("broadcastBytes"));
        if (penalised) {
            result.put("l1", l1);
            result.put("l1Penalty", s.details().get("l1Penalty"));
            result.put("zeroCoefficients", s.details().get("zeroCoefficients"));
        }
        result.putAll(out);
        if (classes > 1) {
            result.put("classes", classes);
            result.put("intercepts", s.details().get("intercepts"));
        } else {
            result.put("intercept", s.details().get("intercept"));
        }
        result.put("coefficients", s.details().get("coefficients"));
        if (json) {
            System.out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(result));
        } else {
            System.out.printf("%s: %s (%s)%nobjective %.17g, ‖∇f‖ %.3g, %d iterations, %d passes over %d examples (%d gradients, %s), %.3f s%n",
                    method, s.status(), s.message(), s.value(), s.optimality(), s.iterations(), result.get("passes"), d.rows().size(),
                    s.evaluations().get(Evaluation.GRADIENT), dense ? s.evaluations().get(Evaluation.HESSIAN) + " dense Hessians"
                            : s.evaluations().get(Evaluation.HESSIAN_VECTOR) + " Hessian-vector products", s.seconds());
            if (penalised) {
                System.out.printf("L1 penalty %.17g (λ₁ = %s), %d of %d coefficients exactly 0%n", (double) s.details().get("l1Penalty"), l1,
                        (long) s.details().get("zeroCoefficients"), classes * d.features());
            }
            if (classes > 1) {
                System.out.println("intercepts " + java.util.Arrays.toString((double[]) s.details().get("intercepts"))
                        + ", coefficients (a row per class) " + java.util.Arrays.deepToString((double[][]) s.details().get("coefficients")));
            } else {
                System.out.println("intercept " + s.details().get("intercept") + ", coefficients "
                        + java.util.Arrays.toString((double[]) s.details().get("coefficients")));
            }
            if (out.containsKey("mllib")) {
                System.out.println("MLlib LogisticRegression: " + out.get("mllib"));
            }
        }
        return s.converged() ? 0 : 1;
    }

    private static Loss scalarLoss(String name) {
        try {
            return Loss.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown loss '" + name + "'; known losses: logistic, multinomial, squared, huber");
        }
    }

    /** The class count K = largest label + 1 of a multinomial fit's rows (labels are checked as classes when the sum is built). */
    static int classes(java.util.List<LabeledRow> rows) {
        double top = rows.stream().mapToDouble(LabeledRow::label).max().orElse(0);
        if (!(top >= 1) || top >= MAX_CLASSES) {
            throw new IllegalArgumentException("a multinomial fit needs class labels 0, 1, …, K−1 with 2 ≤ K ≤ " + MAX_CLASSES
                    + "; the largest label is " + top);
        }
        return (int) top + 1;
    }
}
