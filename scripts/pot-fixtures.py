#!/usr/bin/python3
"""Freeze POT's entropic transport plans and costs as test fixtures for io.fixpoint.transport.

Run with Debian's python3-pot (POT 0.8.2) for /usr/bin/python3:
    apt-get install -y python3-pot
    /usr/bin/python3 scripts/pot-fixtures.py fixpoint-core/src/test/resources/io/fixpoint/transport

Each case is a pair of point clouds in the unit square (numpy RandomState(seed)), cost = ot.dist (squared
Euclidean, not rescaled), solved by ot.sinkhorn(..., method='sinkhorn_log') to stopThr 1e-14 (POT measures the
2-norm of the column-marginal error); the cost is ot.sinkhorn2 with the same settings (<P, M> without the
entropy term). A case whose POT run did not reach 1e-13 in 10^6 iterations is written with converged 0 (the last
case: Sinkhorn's own rate is that slow there; the run takes about a quarter of an hour).
"""
import sys
import numpy as np
import ot

CASES = [
    # name, n, m, reg, seed, weights ('uniform', 'random' or 'zero': random with one zero weight per side)
    ("uniform-5x7-reg1", 5, 7, 1.0, 1, "uniform"),
    ("uniform-20x20-reg0.1", 20, 20, 0.1, 2, "uniform"),
    ("random-30x25-reg0.05", 30, 25, 0.05, 3, "random"),
    ("uniform-50x50-reg0.02", 50, 50, 0.02, 8, "uniform"),
    ("random-40x40-reg0.005", 40, 40, 0.005, 10, "random"),
    ("random-64x64-reg0.01", 64, 64, 0.01, 11, "random"),
    ("zero-12x9-reg0.1", 12, 9, 0.1, 5, "zero"),
    ("uniform-30x30-reg0.003", 30, 30, 0.003, 6, "uniform"),
]


def weights(rng, k, kind):
    if kind == "uniform":
        return np.full(k, 1.0 / k)
    w = rng.rand(k) + 0.1
    if kind == "zero":
        w[k // 2] = 0.0
    return w / w.sum()


def main(out_dir):
    for name, n, m, reg, seed, kind in CASES:
        rng = np.random.RandomState(seed)
        xs = rng.rand(n, 2)
        xt = rng.rand(m, 2)
        a = weights(rng, n, kind)
        b = weights(rng, m, kind)
        M = ot.dist(xs, xt)
        plan, log = ot.sinkhorn(a, b, M, reg, method="sinkhorn_log", numItermax=1000000, stopThr=1e-14, log=True)
        cost = ot.sinkhorn2(a, b, M, reg, method="sinkhorn_log", numItermax=1000000, stopThr=1e-14)
        err = float(log["err"][-1])
        converged = int(err <= 1e-13)
        with open(f"{out_dir}/pot-{name}.txt", "w") as f:
            f.write(f"# POT {ot.__version__} ot.sinkhorn(method='sinkhorn_log', stopThr=1e-14) on point clouds from "
                    f"numpy RandomState({seed}); written by scripts/pot-fixtures.py\n")
            f.write(f"name {name}\n")
            f.write(f"shape {n} {m}\n")
            f.write(f"reg {reg!r}\n")
            f.write(f"converged {converged}\n")
            f.write(f"potIterations {log['niter']}\n")
            f.write(f"potError {err!r}\n")
            f.write(f"cost {float(cost)!r}\n")
            for key, arr in (("source", xs.ravel()), ("target", xt.ravel()), ("a", a), ("b", b), ("plan", plan.ravel())):
                f.write(key + " " + " ".join(repr(float(v)) for v in arr) + "\n")
        print(f"{name}: niter {log['niter']} err {err:.2e} cost {float(cost)!r} converged {converged}")


if __name__ == "__main__":
    main(sys.argv[1])
