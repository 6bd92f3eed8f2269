"""POT's Sinkhorn on the transport suite's problems, for io.fixpoint.bench.transport.PotPeer (through PythonBridge).

Reads one JSON request on stdin: {"cases": [{"name", "a", "b", "cost" (row-major), "reg", "methods", "stopThr",
"numItermax", "plan"}]} and writes a line with POT's version, then one JSON line per (case, method): POT's
iterations, its own error measure (the 2-norm of the marginal error it checks), whether the plan is finite, POT's
warnings, the wall time of ot.sinkhorn alone and, when asked, the plan (the bench recomputes the cost and the
marginal errors from it). Exits 3 with a JSON line naming the install command when POT is missing.
"""
import json
import sys
import time
import warnings

try:
    import numpy as np
    import ot
except ImportError as e:
    print(json.dumps({"error": f"POT is not installed ({e}); install it with: apt-get install -y python3-pot"}))
    sys.exit(3)


def main():
    request = json.load(sys.stdin)
    print(json.dumps({"version": ot.__version__}), flush=True)
    for case in request["cases"]:
        a = np.array(case["a"], dtype=float)
        b = np.array(case["b"], dtype=float)
        cost = np.array(case["cost"], dtype=float).reshape(len(a), len(b))
        for method in case["methods"]:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                t0 = time.perf_counter()
                plan, log = ot.sinkhorn(a, b, cost, case["reg"], method=method, numItermax=case["numItermax"],
                                        stopThr=case["stopThr"], log=True)
                seconds = time.perf_counter() - t0
            finite = bool(np.all(np.isfinite(plan)))
            errs = log.get("err", [])
            out = {"name": case["name"], "method": method, "niter": int(log.get("niter", -1)),
                   "err": float(errs[-1]) if len(errs) else None, "seconds": seconds,
                   "finite": finite,
                   "warnings": sorted({str(w.message).split(".")[0] for w in caught})}
            if case.get("plan"):
                out["plan"] = plan.ravel().tolist() if finite else None
            print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
