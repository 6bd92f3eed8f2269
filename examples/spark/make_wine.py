"""Writes wine.svm from wine_data.csv (UCI Wine, 178 rows, 13 features, classes 0/1/2, as bundled with
Debian's python3-sklearn 1.2.1): the header line (counts and class names) dropped, the class moved in
front, features written as 1-based index:value exactly as they appear. Run from this folder:
python3 make_wine.py path/to/wine_data.csv"""
import csv
import sys

with open(sys.argv[1]) as src, open("wine.svm", "w") as out:
    rows = csv.reader(src)
    next(rows)
    for row in rows:
        out.write(row[-1] + "".join(f" {j + 1}:{v}" for j, v in enumerate(row[:-1])) + "\n")
