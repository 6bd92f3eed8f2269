#!/usr/bin/env python3
"""SciPy side of the LP suite: scipy.optimize.linprog(method="highs") on the programs the bench sends.

Reads one JSON object on stdin: {"timeLimit": seconds, "programs": [{"name", "m", "n", "c", "offset",
"lower", "upper", "rowLower", "rowUpper", "rows", "cols", "vals"}]}, each program
min cᵀx + offset s.t. rowLower ≤ Ax ≤ rowUpper, lower ≤ x ≤ upper with A given as triplets and an
infinite bound sent as null. Writes one JSON object per line and program: {"name", "status", "message",
"objective", "seconds", "iterations"}; status is OPTIMAL, LIMIT, INFEASIBLE, UNBOUNDED or NUMERICAL, and
seconds the wall time of linprog alone.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_matrix, vstack

STATUS = {0: "OPTIMAL", 1: "LIMIT", 2: "INFEASIBLE", 3: "UNBOUNDED", 4: "NUMERICAL"}


def bounds(values, infinity):
    return np.array([infinity if v is None else v for v in values], dtype=float)


def solve(p, limit):
    m, n = p["m"], p["n"]
    a = csr_matrix((np.array(p["vals"], dtype=float), (np.array(p["rows"], dtype=int), np.array(p["cols"], dtype=int))), shape=(m, n))
    lo, hi = bounds(p["rowLower"], -np.inf), bounds(p["rowUpper"], np.inf)
    eq = lo == hi
    upper_rows = ~eq & np.isfinite(hi)
    lower_rows = ~eq & np.isfinite(lo)
    a_ub = vstack([a[upper_rows], -a[lower_rows]]).tocsr()
    b_ub = np.concatenate([hi[upper_rows], -lo[lower_rows]])
    box = np.column_stack([bounds(p["lower"], -np.inf), bounds(p["upper"], np.inf)])
    t0 = time.perf_counter()
    res = linprog(np.array(p["c"], dtype=float), A_ub=a_ub if a_ub.shape[0] else None, b_ub=b_ub if a_ub.shape[0] else None,
                  A_eq=a[eq] if eq.any() else None, b_eq=lo[eq] if eq.any() else None, bounds=box, method="highs",
                  options={"time_limit": float(limit)})
    seconds = time.perf_counter() - t0
    objective = res.fun + p["offset"] if res.status == 0 and res.fun is not None else None
    return {"name": p["name"], "status": STATUS.get(res.status, "NUMERICAL"), "message": res.message, "objective": objective,
            "seconds": seconds, "iterations": int(getattr(res, "nit", -1) or -1)}


def main():
    request = json.load(sys.stdin)
    for p in request["programs"]:
        print(json.dumps(solve(p, request["timeLimit"])), flush=True)


if __name__ == "__main__":
    main()
