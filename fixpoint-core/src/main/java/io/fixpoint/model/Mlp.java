package io.fixpoint.model;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.CounterRandom;
import io.fixpoint.problem.FiniteSum;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.problem.Tensor;
import io.fixpoint.train.Training;
import java.util.Arrays;

/**
 * A multilayer perceptron as a finite sum over a labelled {@link Dataset}: dense layers
 * z_l = W_l a_{l−1} + b_l, a_l = σ(z_l) on the hidden layers, and a softmax cross-entropy head
 * fᵢ = −log softmax(z_L)_{yᵢ} (K outputs) or a logistic one fᵢ = log(1 + e^{z}) − yᵢ z (one output,
 * two classes), plus the regulariser (λ/2) Σ_l ‖W_l‖²_F on the weight matrices. With no hidden layers
 * it is softmax or logistic regression.
 *
 * <p>Derivatives are written by hand: the gradient by backpropagation, the Hessian–vector product by
 * Pearlmutter's R-operator (<i>Fast Exact Multiplication by the Hessian</i>, Neural Computation 1994) —
 * a forward and a backward pass of directional derivatives — and the gradient at labels sampled from
 * the model (for Sophia-G) by backpropagation with ŷᵢ drawn by inverse transform from the predicted
 * distribution with {@link CounterRandom#uniform}(seed, i). Examples are processed in chunks of
 * {@value #CHUNK} rows in workspaces allocated once: not thread-safe, and evaluations allocate nothing.
 * Weights are W (out×in) as in y = W x; the tensors are {@code layerK.weight} and {@code layerK.bias}.
 */
public final class Mlp implements FiniteSum {
    static final int CHUNK = 64;

    /** The output layer's loss. */
    public enum Head {
        /** K logits, softmax cross-entropy. */
        SOFTMAX,
        /** One logit, binary cross-entropy on labels 0 and 1. */
        LOGISTIC
    }

    private enum Mode { VALUE, GRADIENT, HESSIAN_VECTOR, SAMPLED, METRICS }

    private final Dataset data;
    private final int[] sizes;
    private final Activation activation;
    private final Head head;
    private final double l2;
    private final ParameterLayout layout;
    private final int[] wOff;
    private final int[] bOff;
    private final int layers;
    // workspaces, as rows: index l is layer l (0 = input); [l][chunk row][unit]
    private final double[][][] a;
    private final double[][][] z;
    private final double[][][] delta;
    private final double[][][] ra;
    private final double[][][] rz;
    private final double[][][] rdelta;
    /** Wᵀ, W, Vᵀ and V of each layer in row form, and the row-form accumulators of its weight and bias derivatives. */
    private final double[][][] wt;
    private final double[][][] wr;
    private final double[][][] vt;
    private final double[][][] vr;
    private final double[][][] gw;
    private final double[][] gb;
    private final double[][] back;
    private final double[][] back2;
    private final int[] labels = new int[CHUNK];
    private int correct;

    private Mlp(Dataset data, int[] hidden, Activation activation, Head head, double l2) {
        if (!data.labelled()) {
            throw new IllegalArgumentException(data.name() + " has no labels to classify");
        }
        if (head == Head.LOGISTIC && data.classes() > 2) {
            throw new IllegalArgumentException(data.name() + " has " + data.classes() + " classes; logistic regression needs two (use softmax)");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and ≥ 0, got " + l2);
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden layer sizes must be ≥ 1, got " + Arrays.toString(hidden));
            }
        }
        this.data = data;
        this.activation = activation;
        this.head = head;
        this.l2 = l2;
        this.layers = hidden.length + 1;
        sizes = new int[layers + 1];
        sizes[0] = data.features();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[layers] = head == Head.LOGISTIC ? 1 : Math.max(2, data.classes());
        ParameterLayout.Builder b = ParameterLayout.builder();
        for (int l = 1; l <= layers; l++) {
            b.matrix("layer" + l + ".weight", sizes[l], sizes[l - 1], l == layers ? Tensor.Role.OUTPUT : Tensor.Role.HIDDEN);
            b.vector("layer" + l + ".bias", sizes[l], Tensor.Role.BIAS);
        }
        layout = b.build();
        wOff = new int[layers + 1];
        bOff = new int[layers + 1];
        for (int l = 1; l <= layers; l++) {
            wOff[l] = layout.find("layer" + l + ".weight").offset();
            bOff[l] = layout.find("layer" + l + ".bias").offset();
        }
        a = new double[layers + 1][][];
        z = new double[layers + 1][][];
        delta = new double[layers + 1][][];
        ra = new double[layers + 1][][];
        rz = new double[layers + 1][][];
        rdelta = new double[layers + 1][][];
        wt = new double[layers + 1][][];
        wr = new double[layers + 1][][];
        vt = new double[layers + 1][][];
        vr = new double[layers + 1][][];
        gw = new double[layers + 1][][];
        gb = new double[layers + 1][];
        int widest = 0;
        for (int l = 0; l <= layers; l++) {
            int n = sizes[l];
            widest = Math.max(widest, n);
            a[l] = new double[CHUNK][n];
            ra[l] = new double[CHUNK][n];
            if (l > 0) {
                int k = sizes[l - 1];
                z[l] = new double[CHUNK][n];
                delta[l] = new double[CHUNK][n];
                rz[l] = new double[CHUNK][n];
                rdelta[l] = new double[CHUNK][n];
                wt[l] = new double[k][n];
                wr[l] = new double[n][k];
                vt[l] = new double[k][n];
                vr[l] = new double[n][k];
                gw[l] = new double[n][k];
                gb[l] = new double[n];
            }
        }
        back = new double[CHUNK][widest];
        back2 = new double[CHUNK][widest];
    }

    /** Binary logistic regression: one logit w·x + b. */
    public static Mlp logistic(Dataset data, double l2) {
        return new Mlp(data, new int[0], Activation.TANH, Head.LOGISTIC, l2);
    }

    /** Multinomial logistic (softmax) regression. */
    public static Mlp softmax(Dataset data, double l2) {
        return new Mlp(data, new int[0], Activation.TANH, Head.SOFTMAX, l2);
    }

    /** An MLP with the given hidden layer sizes and activation and a softmax head. */
    public static Mlp classifier(Dataset data, int[] hidden, Activation activation, double l2) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer (softmax is the one without)");
        }
        return new Mlp(data, hidden.clone(), activation, Head.SOFTMAX, l2);
    }

    /** The same network over other data (a held-out set), with its own workspaces. */
    public Mlp on(Dataset other) {
        if (other.features() != data.features()) {
            throw new IllegalArgumentException("the network takes " + data.features() + " features, " + other.name() + " has " + other.features());
        }
        return new Mlp(other, Arrays.copyOfRange(sizes, 1, layers), activation, head, l2);
    }

    /**
     * PyTorch's default initialisation of a linear layer: weights and biases uniform in ±1/√fan_in,
     * drawn with {@link CounterRandom#uniform}(seed, index).
     */
    public double[] initialParameters(long seed) {
        double[] w = new double[dimension()];
        for (int l = 1; l <= layers; l++) {
            double bound = 1 / Math.sqrt(sizes[l - 1]);
            Initial.uniform(w, wOff[l], wOff[l] + sizes[l] * sizes[l - 1], bound, seed);
            Initial.uniform(w, bOff[l], bOff[l] + sizes[l], bound, seed);
        }
        return w;
    }

    /** The examples this sum is over. */
    public Dataset data() {
        return data;
    }

    /** Layer widths, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    public Activation activation() {
        return activation;
    }

    public Head head() {
        return head;
    }

    @Override
    public int dimension() {
        return layout.dimension();
    }

    @Override
    public long size() {
        return data.rows();
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    @Override
    public double value(double[] w, Batch batch) {
        return pass(w, batch, null, null, null, Mode.VALUE, 0) + regulariser(w, null, null, null);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        Arrays.fill(g, 0);
        return pass(w, batch, g, null, null, Mode.GRADIENT, 0) + regulariser(w, g, null, null);
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    @Override
    public void hessianVector(double[] w, Batch batch, double[] v, double[] hv) {
        Arrays.fill(hv, 0);
        pass(w, batch, null, v, hv, Mode.HESSIAN_VECTOR, 0);
        regulariser(w, null, v, hv);
    }

    @Override
    public boolean hasSampledGradient() {
        return true;
    }

    @Override
    public void sampledGradient(double[] w, Batch batch, long seed, double[] g) {
        Arrays.fill(g, 0);
        pass(w, batch, g, null, null, Mode.SAMPLED, seed);
    }

    /** Mean loss over all of this network's data (without the regulariser) and the fraction classified correctly. */
    public Training.Metrics metrics(double[] w) {
        double loss = pass(w, Batch.all(), null, null, null, Mode.METRICS, 0);
        return new Training.Metrics(loss, (double) correct / data.rows());
    }

    /** (λ/2)Σ‖W‖², adding λW to g and λV to hv where given. */
    private double regulariser(double[] w, double[] g, double[] v, double[] hv) {
        if (l2 == 0) {
            return 0;
        }
        double s = 0;
        for (int l = 1; l <= layers; l++) {
            for (int i = wOff[l]; i < wOff[l] + sizes[l] * sizes[l - 1]; i++) {
                s += w[i] * w[i];
                if (g != null) {
                    g[i] += l2 * w[i];
                }
                if (hv != null) {
                    hv[i] += l2 * v[i];
                }
            }
        }
        return 0.5 * l2 * s;
    }

    private double pass(double[] w, Batch batch, double[] g, double[] v, double[] hv, Mode mode, long seed) {
        int total = batch.count(data.rows());
        double scale = 1.0 / total;
        for (int l = 1; l <= layers; l++) {
            Kernels.transposed(w, wOff[l], sizes[l], sizes[l - 1], wt[l]);
            Kernels.rows(w, wOff[l], sizes[l], sizes[l - 1], wr[l]);
            if (mode == Mode.HESSIAN_VECTOR) {
                Kernels.transposed(v, wOff[l], sizes[l], sizes[l - 1], vt[l]);
                Kernels.rows(v, wOff[l], sizes[l], sizes[l - 1], vr[l]);
            }
        }
        correct = 0;
        double loss = 0;
        boolean accumulates = mode == Mode.GRADIENT || mode == Mode.SAMPLED || mode == Mode.HESSIAN_VECTOR;
        for (int start = 0; start < total; start += CHUNK) {
            int m = Math.min(CHUNK, total - start);
            for (int r = 0; r < m; r++) {
                int row = batch.example(start + r);
                data.copyRow(row, a[0][r], 0);
                labels[r] = data.label(row);
            }
            forward(w, m);
            loss += head(m, scale, mode == Mode.METRICS);
            if (mode == Mode.SAMPLED) {
                resample(m, scale, seed, batch, start);
            }
            if (mode == Mode.GRADIENT || mode == Mode.SAMPLED) {
                backward(m, true);
            } else if (mode == Mode.HESSIAN_VECTOR) {
                backward(m, false);
                hessianVector(v, m, scale);
            }
        }
        if (accumulates) {
            double[] out = mode == Mode.HESSIAN_VECTOR ? hv : g;
            for (int l = 1; l <= layers; l++) {
                Kernels.flush(gw[l], gb[l], out, wOff[l], bOff[l], sizes[l], sizes[l - 1]);
            }
        }
        return loss * scale;
    }

    private void forward(double[] w, int m) {
        for (int l = 1; l <= layers; l++) {
            int n = sizes[l];
            Kernels.affine(a[l - 1], m, sizes[l - 1], wt[l], n, w, bOff[l], z[l], false);
            if (l < layers) {
                for (int r = 0; r < m; r++) {
                    double[] zr = z[l][r];
                    double[] ar = a[l][r];
                    for (int i = 0; i < n; i++) {
                        ar[i] = activation.value(zr[i]);
                    }
                }
            }
        }
    }

    /** Replaces the chunk's labels by draws from the predicted distribution (p in ra[L]) and remakes delta[L]. */
    private void resample(int m, double scale, long seed, Batch batch, int start) {
        int k = sizes[layers];
        for (int r = 0; r < m; r++) {
            double[] p = ra[layers][r];
            double[] d = delta[layers][r];
            double u = CounterRandom.uniform(seed, batch.example(start + r));
            if (head == Head.LOGISTIC) {
                d[0] = scale * (p[0] - (u < p[0] ? 1 : 0));
                continue;
            }
            int label = Softmax.sample(p, 0, k, u);
            for (int j = 0; j < k; j++) {
                d[j] = scale * (p[j] - (j == label ? 1 : 0));
            }
        }
    }

    /** Sum of the chunk's losses; writes scale·∂loss/∂z_L into delta[L] (the probabilities p into ra[L] for the R-pass). */
    private double head(int m, double scale, boolean count) {
        int k = sizes[layers];
        double loss = 0;
        for (int r = 0; r < m; r++) {
            double[] logits = z[layers][r];
            double[] d = delta[layers][r];
            double[] p = ra[layers][r];
            int y = labels[r];
            if (head == Head.LOGISTIC) {
                double zz = logits[0];
                loss += Math.max(zz, 0) + Math.log1p(Math.exp(-Math.abs(zz))) - y * zz;
                p[0] = sigmoid(zz);
                d[0] = scale * (p[0] - y);
                if (count && (zz > 0 ? 1 : 0) == y) {
                    correct++;
                }
                continue;
            }
            if (count && Softmax.argmax(logits, 0, k) == y) {
                correct++;
            }
            System.arraycopy(logits, 0, p, 0, k);
            loss += Softmax.normalise(p, 0, k, y);
            for (int j = 0; j < k; j++) {
                d[j] = scale * (p[j] - (j == y ? 1 : 0));
            }
        }
        return loss;
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    /** Backpropagates delta[L] to every layer's delta, accumulating weight and bias gradients when {@code accumulate}. */
    private void backward(int m, boolean accumulate) {
        for (int l = layers; l >= 1; l--) {
            if (accumulate) {
                Kernels.accumulateWeights(delta[l], m, sizes[l], a[l - 1], sizes[l - 1], gw[l], gb[l]);
            }
            if (l > 1) {
                int n = sizes[l - 1];
                Kernels.backInput(delta[l], m, sizes[l], wr[l], n, back);
                for (int r = 0; r < m; r++) {
                    double[] d = delta[l - 1][r];
                    double[] zz = z[l - 1][r];
                    double[] aa = a[l - 1][r];
                    double[] b = back[r];
                    for (int i = 0; i < n; i++) {
                        d[i] = b[i] * activation.derivative(zz[i], aa[i]);
                    }
                }
            }
        }
    }

    /** The R-operator passes for direction v, accumulating the chunk's share of ∇²f·v. */
    private void hessianVector(double[] v, int m, double scale) {
        // R-forward: Rz_l = V_l a_{l−1} + Rb_l + W_l Ra_{l−1}, Ra_l = σ'(z_l) Rz_l, Ra_0 = 0
        for (int l = 1; l <= layers; l++) {
            int n = sizes[l];
            Kernels.affine(a[l - 1], m, sizes[l - 1], vt[l], n, v, bOff[l], rz[l], false);
            if (l > 1) {
                Kernels.affine(ra[l - 1], m, sizes[l - 1], wt[l], n, null, 0, rz[l], true);
            }
            if (l < layers) {
                for (int r = 0; r < m; r++) {
                    for (int i = 0; i < n; i++) {
                        ra[l][r][i] = activation.derivative(z[l][r][i], a[l][r][i]) * rz[l][r][i];
                    }
                }
            }
        }
        // R of the head: R(p − y) = (diag p − p pᵀ) Rz_L, p held in ra[L]
        int k = sizes[layers];
        for (int r = 0; r < m; r++) {
            double[] p = ra[layers][r];
            double[] rd = rdelta[layers][r];
            double[] rzl = rz[layers][r];
            if (head == Head.LOGISTIC) {
                rd[0] = scale * p[0] * (1 - p[0]) * rzl[0];
                continue;
            }
            double dot = 0;
            for (int j = 0; j < k; j++) {
                dot += p[j] * rzl[j];
            }
            for (int j = 0; j < k; j++) {
                rd[j] = scale * p[j] * (rzl[j] - dot);
            }
        }
        // R-backward: R∂W_l = Rδ_l a_{l−1}ᵀ + δ_l Ra_{l−1}ᵀ, R∂b_l = Rδ_l,
        // Rδ_{l−1} = σ''(z) Rz ⊙ W_lᵀδ_l + σ'(z) ⊙ (V_lᵀδ_l + W_lᵀRδ_l)
        for (int l = layers; l >= 1; l--) {
            Kernels.accumulateWeights(rdelta[l], m, sizes[l], a[l - 1], sizes[l - 1], gw[l], gb[l]);
            if (l > 1) {
                Kernels.accumulateWeights(delta[l], m, sizes[l], ra[l - 1], sizes[l - 1], gw[l], null);
                int n = sizes[l - 1];
                Kernels.backInput(delta[l], m, sizes[l], wr[l], n, back);
                Kernels.backInput(delta[l], m, sizes[l], vr[l], n, back2);
                Kernels.backInput(rdelta[l], m, sizes[l], wr[l], n, rdelta[l - 1]);
                for (int r = 0; r < m; r++) {
                    double[] rdPrev = rdelta[l - 1][r];
                    for (int i = 0; i < n; i++) {
                        double zi = z[l - 1][r][i];
                        double ai = a[l - 1][r][i];
                        rdPrev[i] = activation.second(zi, ai) * rz[l - 1][r][i] * back[r][i]
                                + activation.derivative(zi, ai) * (back2[r][i] + rdPrev[i]);
                    }
                }
            }
        }
    }
}
