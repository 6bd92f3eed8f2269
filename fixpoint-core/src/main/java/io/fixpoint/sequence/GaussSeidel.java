package io.fixpoint.sequence;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Recurrence;

/**
 * Block Gauss–Seidel over time, the Jacobi/Gauss–Seidel hybrid of Song et al. (2021): the states not
 * yet exact are cut into blocks; inside a block the sweep is Gauss–Seidel (sequential, each state
 * from the one just computed), across blocks it is Jacobi (each block starts from the f-value of the
 * previous sweep's state before it), so all blocks run in parallel. Block size 1 is {@link Jacobi};
 * one block is {@link Sequential}. By default the remaining states are cut into one block per
 * thread, so each sweep makes at least a 1/P share of them exact.
 */
public final class GaussSeidel extends Sweep {
    private final int blockSize;

    /** One block per thread over the states not yet exact. */
    public GaussSeidel(ParallelExecutor executor) {
        this(executor, 0);
    }

    /** Blocks of {@code blockSize} states (0: one block per thread). */
    public GaussSeidel(ParallelExecutor executor, int blockSize) {
        super(executor);
        if (blockSize < 0) {
            throw new IllegalArgumentException("block size must be ≥ 0, got " + blockSize);
        }
        this.blockSize = blockSize;
    }

    @Override
    public String name() {
        return "gauss-seidel";
    }

    @Override
    public TrajectoryState step(Recurrence p, TrajectoryState s) {
        int k = s.exact;
        int d = s.d;
        int n = s.length - k;
        int chunks = executor.chunks(n);
        int blocks = blockSize == 0 ? chunks : (n + blockSize - 1) / blockSize;
        s.stepNorm = s.optimality;
        double[] h = s.x;
        double[] fx = s.fx;
        executor.forEachChunk(chunks, c -> {
            double[] w = s.scratch[c];
            int b0 = ParallelExecutor.chunkStart(blocks, chunks, c);
            int b1 = ParallelExecutor.chunkStart(blocks, chunks, c + 1);
            for (int b = b0; b < b1; b++) {
                int lo = k + ParallelExecutor.chunkStart(n, blocks, b);
                int hi = k + ParallelExecutor.chunkStart(n, blocks, b + 1);
                System.arraycopy(fx, lo * d, h, lo * d, d);
                for (int i = lo + 1; i < hi; i++) {
                    p.step(i + 1, h, h, i * d, w);
                    System.arraycopy(h, i * d, fx, i * d, d);
                }
            }
        });
        p.countSteps(n - blocks);
        s.work += (long) (n - blocks) * p.cell().stepFlops();
        s.depth += (long) ((blocks + chunks - 1) / chunks) * ((n + blocks - 1) / blocks);
        // only the block starts need new f-values: inside a block fx = h already
        executor.forEachChunk(chunks, c -> {
            double[] w = s.scratch[c];
            int b0 = Math.max(1, ParallelExecutor.chunkStart(blocks, chunks, c));
            int b1 = ParallelExecutor.chunkStart(blocks, chunks, c + 1);
            for (int b = b0; b < b1; b++) {
                int lo = k + ParallelExecutor.chunkStart(n, blocks, b);
                p.step(lo + 1, h, fx, lo * d, w);
            }
        });
        if (blocks > 1) {
            p.countSteps(blocks - 1);
            s.work += (long) (blocks - 1) * p.cell().stepFlops();
            s.depth += (blocks - 1 + chunks - 1) / chunks;
        }
        measure(s, h, fx, k);
        return s;
    }
}
