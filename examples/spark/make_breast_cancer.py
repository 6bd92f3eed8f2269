"""Writes breast_cancer.svm from breast_cancer.csv (UCI Breast Cancer Wisconsin (Diagnostic), 569 rows,
30 features, label 0 malignant / 1 benign, as bundled with Debian's python3-sklearn 1.2.1): the header line
(counts and class names) dropped, the label moved in front, features written as 1-based index:value
exactly as they appear. Run from this folder: python3 make_breast_cancer.py path/to/breast_cancer.csv"""
import csv
import sys

with open(sys.argv[1]) as src, open("breast_cancer.svm", "w") as out:
    rows = csv.reader(src)
    next(rows)
    for row in rows:
        out.write(row[-1] + "".join(f" {j + 1}:{v}" for j, v in enumerate(row[:-1])) + "\n")
