"""Writes decay.csv: 40 noisy observations of y = 5·exp(-0.7·t) + 0.5 on t in [0, 8].

Synthetic data for the `fit` examples; run from this directory: python3 make_decay.py
"""
import numpy as np

rng = np.random.RandomState(2026)
t = np.linspace(0.0, 8.0, 40)
y = 5.0 * np.exp(-0.7 * t) + 0.5 + rng.normal(0.0, 0.05, t.size)
with open("decay.csv", "w") as out:
    out.write("t,y\n")
    for ti, yi in zip(t, y):
        out.write(f"{ti:.6g},{yi:.6f}\n")
