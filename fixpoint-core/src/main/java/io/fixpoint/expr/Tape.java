package io.fixpoint.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The flat program: slot i holds a constant, a name, or an op applied to earlier slots. Constant
 * sub-expressions are folded at compile time, so every op slot depends on some name and the reverse
 * sweep never differentiates with respect to a constant (which keeps, e.g., x^2 at x &lt; 0 finite).
 */
final class Tape {
    private static final int CONSTANT = -1;
    private static final int NAME = -2;

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

    static CompiledExpression compile(Node root, List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (index.putIfAbsent(names.get(i), i) != null) {
                throw new ExpressionException("name '" + names.get(i) + "' is bound twice", 0);
            }
        }
        Builder b = new Builder(index);
        b.emit(root);
        Tape t = new Tape(b.code.stream().mapToInt(Integer::intValue).toArray(),
                b.left.stream().mapToInt(Integer::intValue).toArray(),
                b.right.stream().mapToInt(Integer::intValue).toArray(),
                b.constants.stream().mapToDouble(Double::doubleValue).toArray());
        return new CompiledExpression(List.copyOf(names), t);
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
        java.util.Arrays.fill(gradient, 0);
        java.util.Arrays.fill(adj, 0);
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

    private static final Op[] OPS = Op.values();

    private static final class Builder {
        final Map<String, Integer> index;
        final List<Integer> code = new ArrayList<>();
        final List<Integer> left = new ArrayList<>();
        final List<Integer> right = new ArrayList<>();
        final List<Double> constants = new ArrayList<>();
        final Map<String, Integer> nameSlots = new HashMap<>();

        Builder(Map<String, Integer> index) {
            this.index = index;
        }

        /** Emits {@code n} and returns its slot. */
        int emit(Node n) {
            if (n instanceof Node.Constant c) {
                return add(CONSTANT, -1, -1, c.value());
            }
            if (n instanceof Node.Name name) {
                Integer slot = nameSlots.get(name.name());
                if (slot != null) {
                    return slot;
                }
                Integer i = index.get(name.name());
                if (i == null) {
                    throw new ExpressionException("unknown variable '" + name.name() + "' (known: "
                            + String.join(", ", index.keySet().stream().sorted().toList()) + ")", name.column());
                }
                slot = add(NAME, i, -1, 0);
                nameSlots.put(name.name(), slot);
                return slot;
            }
            Node.Apply a = (Node.Apply) n;
            int l = emit(a.args().get(0));
            int r = a.op().arity == 2 ? emit(a.args().get(1)) : -1;
            if (code.get(l) == CONSTANT && (r < 0 || code.get(r) == CONSTANT)) {
                double folded = a.op().apply(constants.get(l), r < 0 ? 0 : constants.get(r));
                return add(CONSTANT, -1, -1, folded);
            }
            return add(a.op().ordinal(), l, r, 0);
        }

        private int add(int c, int l, int r, double k) {
            code.add(c);
            left.add(l);
            right.add(r);
            constants.add(k);
            return code.size() - 1;
        }
    }
}
