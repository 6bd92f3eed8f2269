package io.fixpoint.expr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat program: slot i holds a constant, a name, or an op applied to earlier slots. Constant
 * sub-expressions are folded at compile time, so every op slot depends on some name and the reverse
 * sweep never differentiates with respect to a constant (which keeps, e.g., x^2 at x &lt; 0 finite).
 * Every sweep is a loop over the slots; nothing recurses.
 */
final class Tape {
    private static final int CONSTANT = -1;
    private static final int NAME = -2;
    private static final Op[] OPS = Op.values();

    private final int[] code;     // Op ordinal, CONSTANT or NAME
    private final int[] left;     // first argument slot, or the name's index
    private final int[] right;    // second argument slot, or -1
    private final double[] constants;

    private Tape(int[] code, int[] left, int[] right, double[] constants) {
        this.code = code;
        this.left = left;
        this.right = right;
        this.constants = constants;
    }

    int length() {
        return code.length;
    }

    /**
     * Binds the postfix {@code program} to {@code names}. A bound name is a variable even when it is
     * {@code pi} or {@code e}: declared variables shadow the constants.
     */
    static CompiledExpression compile(List<Node> program, List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i), i) != null) {
                throw new ExpressionException("name '" + names.get(i) + "' is bound twice", 0);
            }
        }
        int n = program.size();
        int[] code = new int[n];
        int[] left = new int[n];
        int[] right = new int[n];
        double[] constants = new double[n];
        int[] operands = new int[n]; // stack of slots awaiting an op
        int depth = 0;
        int length = 0;
        Map<String, Integer> nameSlots = new HashMap<>();
        for (Node node : program) {
            int slot;
            if (node instanceof Node.Constant c) {
                slot = length++;
                code[slot] = CONSTANT;
                constants[slot] = c.value();
            } else if (node instanceof Node.Name name) {
                Integer bound = index.get(name.name());
                Integer existing = nameSlots.get(name.name());
                if (existing != null) {
                    slot = existing;
                } else if (bound != null) {
                    slot = length++;
                    code[slot] = NAME;
                    left[slot] = bound;
                    nameSlots.put(name.name(), slot);
                } else if (Expression.CONSTANTS.containsKey(name.name())) {
                    slot = length++;
                    code[slot] = CONSTANT;
                    constants[slot] = Expression.CONSTANTS.get(name.name());
                } else {
                    throw new ExpressionException("unknown variable '" + name.name() + "' (known: "
                            + String.join(", ", index.keySet().stream().sorted().toList()) + ")", name.column());
                }
            } else {
                Op op = ((Node.Apply) node).op();
                int r = op.arity == 2 ? operands[--depth] : -1;
                int l = operands[--depth];
                if (code[l] == CONSTANT && (r < 0 || code[r] == CONSTANT)) {
                    slot = length++;
                    code[slot] = CONSTANT;
                    constants[slot] = op.apply(constants[l], r < 0 ? 0 : constants[r]);
                } else {
                    slot = length++;
                    code[slot] = op.ordinal();
                    left[slot] = l;
                    right[slot] = r;
                }
            }
            operands[depth++] = slot;
        }
        // the result is the last slot: a whole expression ends with an op, or is a single operand
        return new CompiledExpression(List.copyOf(names), new Tape(Arrays.copyOf(code, length), Arrays.copyOf(left, length),
                Arrays.copyOf(right, length), Arrays.copyOf(constants, length)));
    }

    double forward(double[] x, double[] v) {
        for (int i = 0; i < code.length; i++) {
            int c = code[i];
            if (c == CONSTANT) {
                v[i] = constants[i];
            } else if (c == NAME) {
                v[i] = x[left[i]];
            } else {
                v[i] = OPS[c].apply(v[left[i]], right[i] < 0 ? 0 : v[right[i]]);
            }
        }
        return v[code.length - 1];
    }

    void reverse(double[] v, double[] adj, double[] gradient) {
        Arrays.fill(gradient, 0);
        Arrays.fill(adj, 0);
        int last = code.length - 1;
        adj[last] = 1;
        for (int i = last; i >= 0; i--) {
            double a = adj[i];
            int c = code[i];
            if (a == 0 || c == CONSTANT) {
                continue; // no sensitivity flows through here (skipping also avoids 0·∞)
            }
            if (c == NAME) {
                gradient[left[i]] += a;
                continue;
            }
            Op op = OPS[c];
            int l = left[i];
            int r = right[i];
            double lv = v[l];
            double rv = r < 0 ? 0 : v[r];
            if (code[l] != CONSTANT) {
                adj[l] += a * op.da(lv, rv, v[i]);
            }
            if (r >= 0 && code[r] != CONSTANT) {
                adj[r] += a * op.db(lv, rv, v[i]);
            }
        }
    }

    /**
     * Forward-over-reverse second derivatives (Griewank and Walther, <i>Evaluating Derivatives</i>,
     * 2nd ed., §5.3): a forward sweep carries the values {@code v} and their directional derivatives
     * {@code t} along {@code u}; the reverse sweep carries the adjoints {@code adj} and their
     * directional derivatives {@code adjT}. At a name, {@code adj} sums to ∇f and {@code adjT} to
     * ∇²f·u. Terms with a zero factor are skipped, as in {@link #reverse}, so 0·∞ never appears.
     */
    double hessianVector(double[] x, double[] u, double[] v, double[] t, double[] adj, double[] adjT, double[] gradient, double[] hv) {
        for (int i = 0; i < code.length; i++) {
            int c = code[i];
            if (c == CONSTANT) {
                v[i] = constants[i];
                t[i] = 0;
            } else if (c == NAME) {
                v[i] = x[left[i]];
                t[i] = u[left[i]];
            } else {
                Op op = OPS[c];
                int l = left[i];
                int r = right[i];
                double lv = v[l];
                double rv = r < 0 ? 0 : v[r];
                v[i] = op.apply(lv, rv);
                double ti = 0;
                if (t[l] != 0) {
                    ti += op.da(lv, rv, v[i]) * t[l];
                }
                if (r >= 0 && t[r] != 0) {
                    ti += op.db(lv, rv, v[i]) * t[r];
                }
                t[i] = ti;
            }
        }
        Arrays.fill(gradient, 0);
        Arrays.fill(hv, 0);
        Arrays.fill(adj, 0);
        Arrays.fill(adjT, 0);
        int last = code.length - 1;
        adj[last] = 1;
        for (int i = last; i >= 0; i--) {
            double a = adj[i];
            double at = adjT[i];
            int c = code[i];
            if ((a == 0 && at == 0) || c == CONSTANT) {
                continue;
            }
            if (c == NAME) {
                gradient[left[i]] += a;
                hv[left[i]] += at;
                continue;
            }
            Op op = OPS[c];
            int l = left[i];
            int r = right[i];
            double lv = v[l];
            double rv = r < 0 ? 0 : v[r];
            double tl = t[l];
            double tr = r < 0 ? 0 : t[r];
            double w = v[i];
            if (code[l] != CONSTANT) {
                push(l, a, at, op.da(lv, rv, w), along(op.daa(lv, rv, w), tl, r < 0 ? 0 : op.dab(lv, rv, w), tr), adj, adjT);
            }
            if (r >= 0 && code[r] != CONSTANT) {
                push(r, a, at, op.db(lv, rv, w), along(op.dab(lv, rv, w), tl, op.dbb(lv, rv, w), tr), adj, adjT);
            }
        }
        return v[last];
    }

    /** p·tl + q·tr: a partial derivative's change along the direction, skipping zero components (so 0·∞ never appears). */
    private static double along(double p, double tl, double q, double tr) {
        return (tl == 0 ? 0 : p * tl) + (tr == 0 ? 0 : q * tr);
    }

    /** Adds a·d to the adjoint of {@code slot} and at·d + a·second, its derivative along the direction, to adjT. */
    private static void push(int slot, double a, double at, double d, double second, double[] adj, double[] adjT) {
        if (a != 0) {
            adj[slot] += a * d;
            adjT[slot] += a * second;
        }
        if (at != 0) {
            adjT[slot] += at * d;
        }
    }
}
