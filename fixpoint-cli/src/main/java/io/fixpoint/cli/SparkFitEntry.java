package io.fixpoint.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code spark-fit} as this command line lists it. The command itself is fixpoint-spark's own entry
 * point ({@code io.fixpoint.spark.SparkFitCommand}), which needs Spark on the class path: the
 * {@code ./fixpoint} launcher runs it there, so that this jar never carries Spark. Reached here (the jar
 * run by hand), it only says how to run it.
 */
@Command(name = "spark-fit", description = "Fit a logistic (binary or multinomial), least-squares or Huber model with an L2 or elastic-net "
        + "penalty to a LIBSVM or CSV file, on Apache Spark or in process (./fixpoint spark-fit --help).")
final class SparkFitEntry implements Callable<Integer> {
    @Unmatched
    String[] arguments;

    @Override
    public Integer call() {
        throw new UserError("spark-fit runs with Spark on the class path: run it as ./fixpoint spark-fit ..., which adds fixpoint-spark's jar "
                + "and Spark (build them with mvn -q -B -DskipTests install)");
    }
}
