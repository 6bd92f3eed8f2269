package io.fixpoint.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * The engine's one executor: a fixed number of workers over a {@link ForkJoinPool}. Work is handed
 * out as numbered chunks whose boundaries depend only on the problem size and the thread count, so
 * results are the same bits for the same inputs and thread count, whatever the scheduling.
 * With one thread everything runs on the caller's thread and no pool is created.
 */
public final class ParallelExecutor implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    private ParallelExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public static ParallelExecutor of(int threads) {
        return new ParallelExecutor(threads);
    }

    /** A single-threaded executor: every chunk runs in order on the calling thread. */
    public static ParallelExecutor sequential() {
        return new ParallelExecutor(1);
    }

    public int threads() {
        return threads;
    }

    /** Number of chunks for {@code n} items: one per worker, but never an empty chunk. */
    public int chunks(int n) {
        return Math.max(1, Math.min(threads, n));
    }

    /** First item of chunk {@code c} when {@code n} items are cut into {@code chunks} near-equal pieces. */
    public static int chunkStart(int n, int chunks, int c) {
        return (int) ((long) n * c / chunks);
    }

    /** Runs {@code body.run(c)} for every chunk c in [0, chunks) and returns when all are done. */
    public void forEachChunk(int chunks, ChunkBody body) {
        if (pool == null || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                body.run(c);
            }
            return;
        }
        pool.invoke(new Split(body, 0, chunks));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** The work of one chunk. */
    @FunctionalInterface
    public interface ChunkBody {
        void run(int chunk);
    }

    private static final class Split extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient ChunkBody body;
        private final int lo;
        private final int hi;

        Split(ChunkBody body, int lo, int hi) {
            this.body = body;
            this.lo = lo;
            this.hi = hi;
        }

        @Override
        protected void compute() {
            if (hi - lo == 1) {
                body.run(lo);
                return;
            }
            int mid = (lo + hi) >>> 1;
            invokeAll(new Split(body, lo, mid), new Split(body, mid, hi));
        }
    }
}
