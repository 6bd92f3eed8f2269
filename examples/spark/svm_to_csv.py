"""Writes logistic.csv: the rows of logistic.svm (every feature present) as CSV, the label in a column named y."""
import csv

with open("logistic.svm") as src, open("logistic.csv", "w", newline="") as dst:
    out = csv.writer(dst, lineterminator="\n")
    rows = [line.split() for line in src if line.strip()]
    d = len(rows[0]) - 1
    out.writerow(["y"] + [f"x{j}" for j in range(1, d + 1)])
    for r in rows:
        values = dict(t.split(":") for t in r[1:])
        out.writerow([r[0]] + [values[str(j)] for j in range(1, d + 1)])
