package io.fixpoint.spark;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a context runs, the measure of passes over the data used to compare any two
 * fits (Fixpoint's and MLlib's) the same way. Listener events arrive asynchronously, so
 * {@link #jobs} first waits for the context's listener bus to drain.
 */
public final class JobCounter extends SparkListener {
    private final SparkContext context;
    private final AtomicLong jobs = new AtomicLong();

    private JobCounter(SparkContext context) {
        this.context = context;
    }

    /** A counter registered on {@code context}; remove it with {@link #close}. */
    public static JobCounter on(SparkContext context) {
        JobCounter c = new JobCounter(context);
        context.addSparkListener(c);
        return c;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
    }

    /** Jobs started since registration, once every event posted so far has been delivered. */
    public long jobs() {
        try {
            context.listenerBus().waitUntilEmpty(TimeUnit.SECONDS.toMillis(30));
        } catch (TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain in 30 s; the job count would be short", e);
        }
        return jobs.get();
    }

    public void close() {
        context.removeSparkListener(this);
    }
}
