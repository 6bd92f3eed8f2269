package io.fixpoint.model;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import io.fixpoint.train.Training;
import java.util.Arrays;

/**
 * A character-level language model: a GRU over one-hot characters (the gate equations of
 * {@code io.fixpoint.sequence}'s GRU cell, in PyTorch's parameterisation with separate input and
 * hidden biases) and a linear softmax read-out, as a finite sum over windows of a {@link Corpus}:
 * <pre>
 *   r = σ(W_ir x + b_ir + W_hr h + b_hr),   z = σ(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)),   h' = (1 − z) ⊙ n + z ⊙ h,   h₀ = 0
 *   fᵢ = (1/T) Σ_t −log softmax(W_o h_t + b_o)_{c_{t+1}}
 * </pre>
 * The gradient is backpropagation through time over the T steps of each window. No
 * Hessian–vector product; the gradient at characters sampled from the model is there (Sophia-G).
 * Sequences are processed {@value #CHUNK} at a time in workspaces allocated once (not thread-safe;
 * evaluations allocate nothing). Tensors: {@code gru.weight_ih} (3H×V, gates r, z, n), {@code
 * gru.weight_hh} (3H×H), {@code gru.bias_ih}, {@code gru.bias_hh}, {@code output.weight} (V×H),
 * {@code output.bias}.
 */
public final class CharGru implements FiniteSum {
    static final int CHUNK = 32;

    private enum Mode { VALUE, GRADIENT, SAMPLED, METRICS }

    private final Corpus corpus;
    private final int[] starts;
    private final int steps;
    private final int hidden;
    private final int vocab;
    private final double l2;
    private final ParameterLayout layout;
    private final int wih;
    private final int whh;
    private final int bih;
    private final int bhh;
    private final int wo;
    private final int bo;
    // workspaces as rows: [t][chunk row][unit]
    private final double[][][] h;
    private final double[][][] r;
    private final double[][][] z;
    private final double[][][] n;
    private final double[][][] ghn;
    private final double[][][] p;
    private final int[][] target;
    private final int[][] input;
    private final double[][] gh;
    /** W_hhᵀ, W_hh, W_oᵀ and W_o in row form, and row-form accumulators of their gradients. */
    private final double[][] whhT;
    private final double[][] whhRows;
    private final double[][] woT;
    private final double[][] woRows;
    private final double[][] gWhh;
    private final double[] gBhh;
    private final double[][] gWo;
    private final double[] gBo;
    private final double[][] dlogits;
    private final double[][] dh;
    private final double[][] dhNext;
    private final double[][] dgh;
    private final double[][] carry;
    private int correct;

    /**
     * @param windows  start positions of the windows this sum is over (from {@link Corpus#windows})
     * @param steps    T, the characters predicted per window
     * @param hidden   H
     * @param l2       λ of the regulariser (λ/2)(‖W_ih‖² + ‖W_hh‖² + ‖W_o‖²)
     */
    public CharGru(Corpus corpus, int[] windows, int steps, int hidden, double l2) {
        if (hidden < 1 || steps < 1 || windows.length == 0) {
            throw new IllegalArgumentException("char-gru needs hidden ≥ 1, steps ≥ 1 and at least one window, got " + hidden + ", " + steps + ", "
                    + windows.length);
        }
        for (int s : windows) {
            if (s < 0 || s + steps > corpus.length() - 1) {
                throw new IllegalArgumentException("window at " + s + " runs past the end of " + corpus.name());
            }
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and ≥ 0, got " + l2);
        }
        this.corpus = corpus;
        this.starts = windows.clone();
        this.steps = steps;
        this.hidden = hidden;
        this.vocab = corpus.vocabulary();
        this.l2 = l2;
        layout = ParameterLayout.builder()
                .matrix("gru.weight_ih", 3 * hidden, vocab, Tensor.Role.EMBEDDING)
                .matrix("gru.weight_hh", 3 * hidden, hidden, Tensor.Role.HIDDEN)
                .vector("gru.bias_ih", 3 * hidden, Tensor.Role.BIAS)
                .vector("gru.bias_hh", 3 * hidden, Tensor.Role.BIAS)
                .matrix("output.weight", vocab, hidden, Tensor.Role.OUTPUT)
                .vector("output.bias", vocab, Tensor.Role.BIAS)
                .build();
        wih = layout.find("gru.weight_ih").offset();
        whh = layout.find("gru.weight_hh").offset();
        bih = layout.find("gru.bias_ih").offset();
        bhh = layout.find("gru.bias_hh").offset();
        wo = layout.find("output.weight").offset();
        bo = layout.find("output.bias").offset();
        h = new double[steps + 1][CHUNK][hidden];
        r = new double[steps][CHUNK][hidden];
        z = new double[steps][CHUNK][hidden];
        n = new double[steps][CHUNK][hidden];
        ghn = new double[steps][CHUNK][hidden];
        p = new double[steps][CHUNK][vocab];
        target = new int[steps][CHUNK];
        input = new int[steps][CHUNK];
        gh = new double[CHUNK][3 * hidden];
        whhT = new double[hidden][3 * hidden];
        whhRows = new double[3 * hidden][hidden];
        woT = new double[hidden][vocab];
        woRows = new double[vocab][hidden];
        gWhh = new double[3 * hidden][hidden];
        gBhh = new double[3 * hidden];
        gWo = new double[vocab][hidden];
        gBo = new double[vocab];
        dlogits = new double[CHUNK][vocab];
        dh = new double[CHUNK][hidden];
        dhNext = new double[CHUNK][hidden];
        dgh = new double[CHUNK][3 * hidden];
        carry = new double[CHUNK][hidden];
    }

    /** The same model over other windows of the corpus (a held-out set), with its own workspaces. */
    public CharGru on(int[] windows) {
        return new CharGru(corpus, windows, steps, hidden, l2);
    }

    /** PyTorch's initialisation of a GRU and a linear layer: every entry uniform in ±1/√H ({@link CounterRandom}). */
    public double[] initialParameters(long seed) {
        double[] w = new double[dimension()];
        Initial.uniform(w, 0, w.length, 1 / Math.sqrt(hidden), seed);
        return w;
    }

    public int hidden() {
        return hidden;
    }

    public int steps() {
        return steps;
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public long size() {
        return starts.length;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double value(double[] w, Batch batch) {
        return pass(w, batch, null, Mode.VALUE, 0) + regulariser(w, null);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        Arrays.fill(g, 0);
        return pass(w, batch, g, Mode.GRADIENT, 0) + regulariser(w, g);
    }

    @Override
    public boolean hasSampledGradient() {
        return true;
    }

    @Override
    public void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        Arrays.fill(g, 0);
        pass(w, batch, g, Mode.SAMPLED, seed);
    }

    /** Mean loss per predicted character over all windows (without the regulariser) and the fraction predicted correctly. */
    public Training.Metrics metrics(double[] w) {
        double loss = pass(w, Batch.all(), null, Mode.METRICS, 0);
        return new Training.Metrics(loss, (double) correct / ((long) starts.length * steps));
    }

    /** h_1..h_T of window {@code example} (T×H row-major), for tests against the sequence package's GRU cell. */
    double[] hiddenStates(double[] w, int example) {
        pass(w, Batch.of(example), null, Mode.VALUE, 0);
        double[] out = new double[steps * hidden];
        for (int t = 0; t < steps; t++) {
            System.arraycopy(h[t + 1][0], 0, out, t * hidden, hidden);
        }
        return out;
    }

    private double regulariser(double[] w, double[] g) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        for (Tensor t : layout.tensors()) {
            if (t.role() == Tensor.Role.BIAS) {
                continue;
            }
            for (int i = t.offset(); i < t.end(); i++) {
                s += w[i] * w[i];
                if (g != null) {
                    g[i] += l2 * w[i];
                }
            }
        }
        return 0.5 * l2 * s;
    }

    private double pass(double[] w, Batch batch, double[] g, Mode mode, long seed) {
        int total = batch.count(starts.length);
        double scale = 1.0 / ((double) total * steps);
        Kernels.transposed(w, whh, 3 * hidden, hidden, whhT);
        Kernels.rows(w, whh, 3 * hidden, hidden, whhRows);
        Kernels.transposed(w, wo, vocab, hidden, woT);
        Kernels.rows(w, wo, vocab, hidden, woRows);
        correct = 0;
        double loss = 0;
        for (int start = 0; start < total; start += CHUNK) {
            int m = Math.min(CHUNK, total - start);
            for (int c = 0; c < m; c++) {
                int s0 = starts[batch.example(start + c)];
                for (int t = 0; t < steps; t++) {
                    input[t][c] = corpus.token(s0 + t);
                    target[t][c] = corpus.token(s0 + t + 1);
                }
            }
            loss += forward(w, m, mode == Mode.METRICS);
            if (mode == Mode.SAMPLED) {
                sampleTargets(m, seed, batch, start);
            }
            if (g != null) {
                backward(w, m, scale, g);
            }
        }
        if (g != null) {
            Kernels.flush(gWhh, gBhh, g, whh, bhh, 3 * hidden, hidden);
            Kernels.flush(gWo, gBo, g, wo, bo, vocab, hidden);
        }
        return loss * scale;
    }

    /** Runs the chunk through the GRU and the read-out; returns the sum of its losses, leaving probabilities in p. */
    private double forward(double[] w, int m, boolean count) {
        int hh = hidden;
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(h[0][c], 0);
        }
        double loss = 0;
        for (int t = 0; t < steps; t++) {
            Kernels.affine(h[t], m, hh, whhT, 3 * hh, w, bhh, gh, false);
            for (int c = 0; c < m; c++) {
                int x = input[t][c];
                double[] g = gh[c];
                double[] hp = h[t][c];
                double[] hn = h[t + 1][c];
                double[] rr = r[t][c];
                double[] zz = z[t][c];
                double[] nn = n[t][c];
                double[] gn = ghn[t][c];
                for (int i = 0; i < hh; i++) {
                    double ir = w[wih + i * vocab + x] + w[bih + i];
                    double iz = w[wih + (hh + i) * vocab + x] + w[bih + hh + i];
                    double in = w[wih + (2 * hh + i) * vocab + x] + w[bih + 2 * hh + i];
                    rr[i] = Mlp.sigmoid(ir + g[i]);
                    zz[i] = Mlp.sigmoid(iz + g[hh + i]);
                    gn[i] = g[2 * hh + i];
                    nn[i] = Math.tanh(in + rr[i] * gn[i]);
                    hn[i] = (1 - zz[i]) * nn[i] + zz[i] * hp[i];
                }
            }
            double[][] pt = p[t];
            Kernels.affine(h[t + 1], m, hh, woT, vocab, w, bo, pt, false);
            for (int c = 0; c < m; c++) {
                int y = target[t][c];
                if (count && Softmax.argmax(pt[c], 0, vocab) == y) {
                    correct++;
                }
                loss += Softmax.normalise(pt[c], 0, vocab, y);
            }
        }
        return loss;
    }

    private void sampleTargets(int m, long seed, Batch batch, int start) {
        for (int c = 0; c < m; c++) {
            long example = batch.example(start + c);
            for (int t = 0; t < steps; t++) {
                target[t][c] = Softmax.sample(p[t][c], 0, vocab, CounterRandom.uniform(seed, example * steps + t));
            }
        }
    }

    /** Backpropagation through time over the chunk, adding scale·∇ to g (the dense matrices through their row-form accumulators). */
    private void backward(double[] w, int m, double scale, double[] g) {
        int hh = hidden;
        for (int c = 0; c < m; c++) {
            java.util.Arrays.fill(dhNext[c], 0);
        }
        for (int t = steps - 1; t >= 0; t--) {
            for (int c = 0; c < m; c++) {
                double[] pc = p[t][c];
                double[] dl = dlogits[c];
                for (int j = 0; j < vocab; j++) {
                    dl[j] = scale * pc[j];
                }
                dl[target[t][c]] -= scale;
            }
            Kernels.accumulateWeights(dlogits, m, vocab, h[t + 1], hh, gWo, gBo);
            Kernels.backInput(dlogits, m, vocab, woRows, hh, dh);
            for (int c = 0; c < m; c++) {
                int x = input[t][c];
                double[] hp = h[t][c];
                double[] rr = r[t][c];
                double[] zz = z[t][c];
                double[] nn = n[t][c];
                double[] gn = ghn[t][c];
                double[] d0 = dh[c];
                double[] dn0 = dhNext[c];
                double[] dg = dgh[c];
                double[] keep = carry[c];
                for (int i = 0; i < hh; i++) {
                    double d = d0[i] + dn0[i];
                    double dn = d * (1 - zz[i]);
                    double dz = d * (hp[i] - nn[i]);
                    keep[i] = d * zz[i];
                    double dan = dn * (1 - nn[i] * nn[i]);
                    double dar = dan * gn[i] * rr[i] * (1 - rr[i]);
                    double daz = dz * zz[i] * (1 - zz[i]);
                    dg[i] = dar;
                    dg[hh + i] = daz;
                    dg[2 * hh + i] = dan * rr[i];
                    g[wih + i * vocab + x] += dar;
                    g[wih + (hh + i) * vocab + x] += daz;
                    g[wih + (2 * hh + i) * vocab + x] += dan;
                    g[bih + i] += dar;
                    g[bih + hh + i] += daz;
                    g[bih + 2 * hh + i] += dan;
                }
            }
            Kernels.accumulateWeights(dgh, m, 3 * hh, h[t], hh, gWhh, gBhh);
            Kernels.backInput(dgh, m, 3 * hh, whhRows, hh, dhNext);
            for (int c = 0; c < m; c++) {
                double[] dn0 = dhNext[c];
                double[] keep = carry[c];
                for (int i = 0; i < hh; i++) {
                    dn0[i] += keep[i];
                }
            }
        }
    }
}
