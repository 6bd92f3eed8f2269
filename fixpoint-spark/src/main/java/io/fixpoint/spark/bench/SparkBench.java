package io.fixpoint.spark.bench;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.compare.Timing;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Batch;
import io.fixpoint.solve.Solution;
import io.fixpoint.spark.ArrayGlmSum;
import io.fixpoint.spark.GlmFit;
import io.fixpoint.spark.GlmSum;
import io.fixpoint.spark.JobCounter;
import io.fixpoint.spark.LabeledRow;
import io.fixpoint.spark.LibSvm;
import io.fixpoint.spark.Loss;
import io.fixpoint.spark.MllibReference;
import io.fixpoint.spark.SparkGlmSum;
import io.fixpoint.spark.Synthetic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.sql.SparkSession;

/**
 * The spark suite's measurements: on seeded logistic problems, every chosen Fixpoint method on Spark
 * ({@value #MASTER}, {@value #PARTITIONS} partitions) and in process ({@value #PARTITIONS} threads, the
 * same partitioning, hence the same iterates), and MLlib's {@code LogisticRegression} on the same
 * session and the same cached rows. Passes are Spark jobs counted by one {@link JobCounter} for
 * Fixpoint and MLlib alike (the standardisation pass included); in process they are the sum's own
 * count. Each repeat runs every tool once, in turn, so that time ratios are measured side by side.
 *
 * <p>One judge for every tool: solved when the objective at the returned model, recomputed by one
 * in-process sum, lies within {@value #SOLVED} relative of a tight reference solve.
 */
final class SparkBench {
    static final String SUITE = "spark";
    static final String MASTER = "local[2]";
    static final int PARTITIONS = 2;
    static final int DEPTH = 2;
    /** The suffix of a method that takes the dense Hessian assembled in the gradient's pass (spark-fit's {@code --hessian dense}). */
    static final String DENSE = "/dense";
    /** Fixpoint's methods in the suite, fitted with spark-fit's defaults; a new method of {@link GlmFit} is one more name. */
    static final List<String> METHODS = List.of("lbfgs", "trust-newton-cg", "trust-newton-cg" + DENSE);
    /** The judge: relative distance of the objective from the reference's. */
    static final double SOLVED = 1e-8;
    /** Fixpoint's stopping test and budget: spark-fit's defaults. */
    static final double TOLERANCE = 1e-6;
    static final int MAX_ITERATIONS = 500;
    /** The reference solve: trust-region Newton–CG in process, to a gradient a ten-thousandth of the fits'. */
    static final String REFERENCE_METHOD = "trust-newton-cg";
    static final double REFERENCE_TOLERANCE = 1e-10;
    static final int REFERENCE_ITERATIONS = 1000;
    static final String MLLIB = "mllib";
    static final String FAMILY = "logistic-l2";
    static final String ON_SPARK = " on Spark";
    static final String IN_PROCESS = " in process";

    /**
     * A seeded synthetic logistic problem ({@link Synthetic#rows}), or a real data set shipped with the
     * module ({@code resource}, a LIBSVM file beside this class, of n rows and d features).
     *
     * @param nonzeros per row (d: dense)
     * @param l2       the L2 penalty λ on the standardised coefficients (MLlib's regParam)
     * @param resource the data set's file name, or null for synthetic rows
     */
    record Problem(String name, int n, int d, int nonzeros, double l2, long seed, String resource) {
        /** UCI Breast Cancer Wisconsin (Diagnostic): 30 strongly correlated features, a hard problem for L-BFGS. */
        static final Problem BREAST_CANCER = new Problem("breast-cancer-569x30", 569, 30, 30, 1e-3, 0, "breast_cancer.svm");
        static final List<Problem> QUICK = List.of(dense(10_000, 20), sparse(10_000, 1_000, 10), BREAST_CANCER);
        static final List<Problem> FULL = List.of(dense(1_000_000, 100), sparse(1_000_000, 10_000, 50), BREAST_CANCER);

        static Problem dense(int n, int d) {
            return new Problem("dense-" + n + "x" + d, n, d, d, 1e-5, 1, null);
        }

        static Problem sparse(int n, int d, int nonzeros) {
            return new Problem("sparse-" + n + "x" + d, n, d, nonzeros, 1e-5, 2, null);
        }

        boolean dense() {
            return nonzeros == d;
        }

        List<LabeledRow> rows() {
            if (resource == null) {
                return Synthetic.rows(seed, d, nonzeros, 0, n);
            }
            try (var in = SparkBench.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the data set " + resource + " is not on the class path");
                }
                LibSvm.Data data = LibSvm.read(new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)),
                        resource);
                if (data.rows().size() != n || data.features() != d) {
                    throw new IllegalStateException(resource + " has " + data.rows().size() + " rows of " + data.features() + " features, not " + n + " of " + d);
                }
                return data.rows();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The rows as an RDD, partition p holding the rows the in-process sum's chunk p holds: a data set's
         * {@code rows} (this problem's, as read by {@link #rows}) parallelised, synthetic rows made on the executors.
         */
        JavaRDD<LabeledRow> rdd(JavaSparkContext jsc, List<LabeledRow> rows) {
            if (resource != null) {
                return jsc.parallelize(rows, PARTITIONS);
            }
            long s = seed;
            int rowsN = n;
            int dd = d;
            int k = nonzeros;
            return jsc.parallelize(IntStream.range(0, PARTITIONS).boxed().toList(), PARTITIONS).flatMap(p -> Synthetic.rows(s, dd, k,
                    ParallelExecutor.chunkStart(rowsN, PARTITIONS, p), ParallelExecutor.chunkStart(rowsN, PARTITIONS, p + 1)).iterator());
        }

        String describe() {
            return String.format(Locale.ROOT, "%sn = %d, d = %d, %s, λ = %.0e", resource == null ? "" : "UCI breast cancer (Wisconsin diagnostic), ",
                    n, d, dense() ? "dense" : "about " + nonzeros + " nonzeros per row", l2);
        }
    }

    /** What to run: problems, Fixpoint's methods, whether MLlib runs beside them, timed repeats per fit, untimed warm-up rounds first. */
    record Settings(List<Problem> problems, List<String> methods, boolean mllib, int repeats, int warmups) {
    }

    /** The problem of the warm-up rounds (JIT and Spark's first jobs): every tool once per round, untimed. */
    static final Problem WARM_UP = new Problem("warm-up", 1000, 5, 5, 1e-4, 3, null);

    /** One problem's outcome: its reference solve and a record per fit. */
    record ProblemResult(Problem problem, Solution reference, List<SolveRecord> records) {
    }

    private SparkBench() {
    }

    static SparkSession session() {
        SparkSession spark = SparkSession.builder().master(MASTER).appName("fixpoint bench spark").config("spark.ui.enabled", "false")
                // Spark's own code generation, which MLlib is tuned for; adaptive execution off, since its futures
                // outlive a stopped session and print their rejection
                .config("spark.driver.host", "127.0.0.1").config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS))
                .config("spark.sql.adaptive.enabled", "false").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        return spark;
    }

    /** Runs every problem of {@code s}, after its warm-up rounds on {@link #WARM_UP}. */
    static List<ProblemResult> run(Settings s, Progress progress) {
        SparkSession spark = session();
        try (ParallelExecutor ex = ParallelExecutor.of(PARTITIONS)) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            if (s.warmups() > 0) {
                progress.stage("spark: " + s.warmups() + " warm-up rounds on " + WARM_UP.n() + " rows");
                solve(spark, jsc, ex, WARM_UP, new Settings(List.of(), s.methods(), s.mllib(), s.warmups(), 0), Progress.silent());
            }
            List<ProblemResult> results = new ArrayList<>();
            for (Problem p : s.problems()) {
                progress.stage("spark: " + p.name() + " (" + p.describe() + ")");
                results.add(solve(spark, jsc, ex, p, s, progress));
            }
            return results;
        } finally {
            spark.stop();
        }
    }

    /** Whether the suite fits {@code method} on {@code p}: a dense-Hessian method only where the sum assembles the Hessian. */
    static boolean fits(String method, Problem p) {
        return !method.endsWith(DENSE) || p.d() + 1 <= GlmSum.HESSIAN_LIMIT;
    }

    /** The methods of {@code methods} the suite skips on {@code p}, with why, for the report's notes. */
    static List<String> skipped(List<String> methods, Problem p) {
        return methods.stream().filter(m -> !fits(m, p)).map(m -> m + " skipped on " + p.name() + ": the dense Hessian is assembled for at most "
                + GlmSum.HESSIAN_LIMIT + " parameters, this model has " + (p.d() + 1)).toList();
    }

    /** Fits {@code sum} with the suite's {@code method} (a catalogue minimiser, or one with {@link #DENSE}) and settings. */
    static Solution fit(GlmSum sum, String method) {
        boolean dense = method.endsWith(DENSE);
        return GlmFit.fit(dense ? sum.withDenseHessian() : sum, dense ? method.substring(0, method.length() - DENSE.length()) : method,
                TOLERANCE, MAX_ITERATIONS);
    }

    private static ProblemResult solve(SparkSession spark, JavaSparkContext jsc, ParallelExecutor ex, Problem p, Settings s, Progress progress) {
        List<LabeledRow> rows = p.rows();
        ArrayGlmSum judge = inProcess(p, rows, ex);
        Solution reference = GlmFit.fit(judge, REFERENCE_METHOD, REFERENCE_TOLERANCE, REFERENCE_ITERATIONS);
        JavaRDD<LabeledRow> rdd = p.rdd(jsc, rows).cache();
        rdd.count(); // cached before any fit, so that every tool starts from the same materialised rows
        try {
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            Map<String, Fit> first = new LinkedHashMap<>();
            for (int r = 0; r < s.repeats(); r++) {
                for (String m : s.methods().stream().filter(m -> fits(m, p)).toList()) {
                    record(first, seconds, m + IN_PROCESS, fitInProcess(p, rows, ex, m));
                    progress.advance(p.name() + " " + m + IN_PROCESS);
                    record(first, seconds, m + ON_SPARK, fitOnSpark(spark, rdd, p, m));
                    progress.advance(p.name() + " " + m + ON_SPARK);
                }
                if (s.mllib()) {
                    record(first, seconds, MLLIB, fitMllib(spark, rdd, p, judge));
                    progress.advance(p.name() + " MLlib");
                }
            }
            List<SolveRecord> records = new ArrayList<>();
            Fit mllib = first.get(MLLIB);
            double mllibSeconds = s.mllib() ? median(seconds.get(MLLIB)) : Double.NaN;
            first.forEach((key, fit) -> records.add(fit.record(p, key, judge, reference.value(), median(seconds.get(key)), s.repeats(), mllib,
                    mllibSeconds)));
            return new ProblemResult(p, reference, records);
        } finally {
            rdd.unpersist(false);
        }
    }

    private static void record(Map<String, Fit> first, Map<String, List<Double>> seconds, String key, Fit fit) {
        first.putIfAbsent(key, fit);
        seconds.computeIfAbsent(key, k -> new ArrayList<>()).add(fit.seconds());
    }

    private static ArrayGlmSum inProcess(Problem p, List<LabeledRow> rows, ParallelExecutor ex) {
        return ArrayGlmSum.of(rows, p.d(), Loss.LOGISTIC, p.l2(), true, PARTITIONS, ex);
    }

    /** One fit: Fixpoint's solution (null for MLlib's) or MLlib's reference, with the passes it made and its wall time (setup included). */
    private record Fit(Solution solution, MllibReference mllib, long passes, double seconds) {

        /** The record of this fit, judged at its model: the objective recomputed by {@code judge} against the reference's. */
        SolveRecord record(Problem p, String key, GlmSum judge, double reference, double medianSeconds, int repeats, Fit mllibFit,
                double mllibSeconds) {
            double value = solution != null ? judge.value(solution.x(), Batch.all()) : mllib.objective();
            double error = Math.abs(value - reference) / Math.abs(reference);
            boolean solved = error <= SOLVED;
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("passes", passes);
            figures.put("reference", reference);
            figures.put("relativeError", error);
            if (mllibFit != null && solution != null) {
                figures.put("passesVsMllib", (double) passes / mllibFit.passes());
                figures.put("timeVsMllib", medianSeconds / mllibSeconds);
            }
            if (solution == null) {
                boolean stoppedByTolerance = mllib.iterations() < new LogisticRegression().getMaxIter();
                return new SolveRecord(SUITE, p.name(), p.d() + 1, MLLIB, "LogisticRegression", FAMILY, SolveRecord.Outcome.RAN, null,
                        stoppedByTolerance ? "stopped by tol" : "iteration limit", stoppedByTolerance, solved,
                        mllib.iterations() + " iterations (" + mllibDefaults() + ")", mllib.iterations(), Map.of(), value, Double.NaN,
                        medianSeconds, repeats, mllib.model(), null, figures);
            }
            figures.put("broadcastBytes", solution.details().get("broadcastBytes"));
            return SolveRecord.of(SUITE, p.name(), key, FAMILY, solution, solved, value, solution.optimality(), medianSeconds, repeats, figures);
        }
    }

    private static Fit fitInProcess(Problem p, List<LabeledRow> rows, ParallelExecutor ex, String method) {
        long t0 = System.nanoTime();
        ArrayGlmSum sum = inProcess(p, rows, ex);
        Solution s = fit(sum, method);
        return new Fit(s, null, sum.passes(), (System.nanoTime() - t0) * 1e-9);
    }

    private static Fit fitOnSpark(SparkSession spark, JavaRDD<LabeledRow> rdd, Problem p, String method) {
        JobCounter jobs = JobCounter.on(spark.sparkContext());
        try {
            long t0 = System.nanoTime();
            Solution s;
            long passes;
            try (SparkGlmSum sum = SparkGlmSum.of(rdd, p.d(), Loss.LOGISTIC, p.l2(), true, DEPTH)) {
                s = fit(sum, method);
                passes = sum.passes();
            }
            double seconds = (System.nanoTime() - t0) * 1e-9;
            long counted = jobs.jobs();
            if (counted != passes) {
                throw new IllegalStateException(method + " on " + p.name() + ": " + counted + " Spark jobs but " + passes + " passes counted by the sum");
            }
            return new Fit(s, null, counted, seconds);
        } finally {
            jobs.close();
        }
    }

    private static Fit fitMllib(SparkSession spark, JavaRDD<LabeledRow> rdd, Problem p, GlmSum judge) {
        MllibReference m = MllibReference.fit(spark, rdd, p.d(), judge, true);
        return new Fit(null, m, m.passes(), m.seconds());
    }

    /** MLlib's stopping settings, which the suite leaves at their defaults. */
    static String mllibDefaults() {
        LogisticRegression lr = new LogisticRegression();
        return "tol " + lr.getTol() + ", maxIter " + lr.getMaxIter();
    }

    static double median(List<Double> xs) {
        return Timing.median(xs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The chosen problems by name, from {@code from}; an unknown name is an error that lists the known ones. */
    static List<Problem> chosen(List<Problem> from, List<String> names, String run) {
        if (names.isEmpty()) {
            return from;
        }
        List<String> known = from.stream().map(Problem::name).toList();
        for (String n : names) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("unknown problem '" + n + "' of the spark suite; its problems in the " + run + " are "
                        + String.join(", ", known));
            }
        }
        return from.stream().filter(q -> names.contains(q.name())).toList();
    }
}
