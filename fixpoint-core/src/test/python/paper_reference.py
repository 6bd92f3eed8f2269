#!/usr/bin/python3
"""Loss trajectories of the optimisers torch 1.13 lacks, from an independent NumPy implementation of
each paper's update equations, frozen as a test fixture (100 steps each).

    /usr/bin/python3 paper_reference.py inputs.txt > ../resources/io/fixpoint/train/paper-reference.txt

The update rules below are written from the papers (equations quoted in each function) with NumPy, in
float64, on parameters held as named arrays. The model's derivatives - minibatch gradient, Hessian-vector
product, gradient at labels sampled from the model - come from PyTorch autograd (float64), not from
Fixpoint's hand-written derivatives. Random draws (Hutchinson probes, sampled labels) follow Fixpoint's
counter-based generator, re-implemented here: SplitMix64's finaliser of seed*phi + counter.
"""
import math
import sys

import numpy as np
import torch

import reference_problem as rp

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def bits(seed, counter):
    z = (seed * GOLDEN + counter) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def uniform(seed, counter):
    return (bits(seed, counter) >> 11) * 2.0 ** -53


def rademacher(seed, counter):
    return -1.0 if bits(seed, counter) >= 1 << 63 else 1.0


def derive(seed, stream):
    return bits(seed, (stream ^ 0x5851F42D4C957F2D) & MASK)


class Model:
    """The reference MLP with derivatives by autograd."""

    def __init__(self, p):
        self.p = p
        self.tensors = p["tensors"]

    def torch_params(self, w):
        return {k: torch.tensor(v, requires_grad=True) for k, v in w.items()}

    def grad(self, w, batch):
        tw = self.torch_params(w)
        loss = rp.loss(self.p, tw, batch)
        gs = torch.autograd.grad(loss, list(tw.values()))
        return loss.item(), {k: g.numpy().copy() for k, g in zip(tw, gs)}

    def hvp(self, w, batch, v):
        tw = self.torch_params(w)
        loss = rp.loss(self.p, tw, batch)
        gs = torch.autograd.grad(loss, list(tw.values()), create_graph=True)
        dot = sum((g * torch.tensor(v[k])).sum() for k, g in zip(tw, gs))
        hs = torch.autograd.grad(dot, list(tw.values()))
        return {k: h.numpy().copy() for k, h in zip(tw, hs)}

    def sampled_grad(self, w, batch, seed):
        """Labels drawn by inverse transform from softmax(logits) with uniform(seed, example index): the
        first j with u < p_0 + ... + p_j, p_j = exp(z_j - max) / sum_i exp(z_i - max)."""
        idx = torch.tensor(batch)
        with torch.no_grad():
            z = rp.logits(self.p, {k: torch.tensor(v) for k, v in w.items()}, self.p["x"][idx]).numpy()
        labels = []
        for r, example in enumerate(batch):
            row = z[r]
            mx = max(row)
            e = [math.exp(v - mx) for v in row]
            total = sum(e)
            u = uniform(seed, example)
            cumulative, label = 0.0, len(row) - 1
            for j, ej in enumerate(e):
                cumulative += ej / total
                if u < cumulative:
                    label = j
                    break
            labels.append(label)
        tw = self.torch_params(w)
        loss = rp.loss(self.p, tw, batch, torch.tensor(labels))
        gs = torch.autograd.grad(loss, list(tw.values()))
        return {k: g.numpy().copy() for k, g in zip(tw, gs)}

    def probe(self, seed):
        """Rademacher entries indexed by position in the flat parameter vector."""
        out = {}
        for t in self.tensors:
            n = t["rows"] * t["cols"]
            flat = np.array([rademacher(seed, t["offset"] + i) for i in range(n)])
            out[t["name"]] = flat.reshape(self.shape(t))
        return out

    @staticmethod
    def shape(t):
        return (t["rows"], t["cols"]) if t["matrix"] else (t["rows"],)


def decayed(name):
    """Weight decay goes to every tensor but biases."""
    return not name.endswith("bias")


def zeros(w):
    return {k: np.zeros_like(v) for k, v in w.items()}


def adan(model, w, steps, lr, wd):
    """Xie et al. 2022, Algorithm 1, betas weighting the newest term (0.02, 0.08, 0.01), moments from zero
    with bias correction, g_0 = g_1:
      m = (1-b1) m + b1 g;  v = (1-b2) v + b2 (g - g_prev);  n = (1-b3) n + b3 (g + (1-b2)(g - g_prev))^2
      theta <- (theta - lr (m_hat + (1-b2) v_hat) / (sqrt(n_hat) + eps)) / (1 + wd lr)"""
    b1, b2, b3, eps = 0.02, 0.08, 0.01, 1e-8
    m, v, n, prev = zeros(w), zeros(w), zeros(w), zeros(w)
    losses = []
    for k in range(1, steps + 1):
        loss, g = model.grad(w, model.p["batches"][k - 1])
        losses.append(loss)
        for name in w:
            d = g[name] - prev[name] if k > 1 else np.zeros_like(g[name])
            m[name] = (1 - b1) * m[name] + b1 * g[name]
            v[name] = (1 - b2) * v[name] + b2 * d
            c = g[name] + (1 - b2) * d
            n[name] = (1 - b3) * n[name] + b3 * c * c
            prev[name] = g[name]
            u = (m[name] / (1 - (1 - b1) ** k) + (1 - b2) * (v[name] / (1 - (1 - b2) ** k))) / (
                np.sqrt(n[name]) / math.sqrt(1 - (1 - b3) ** k) + eps)
            step = -lr * u
            lam = wd if decayed(name) else 0.0
            w[name] = w[name] + (step - lam * lr * w[name]) * (1 / (1 + lam * lr))
    return losses


def lion(model, w, steps, lr, wd):
    """Chen et al. 2023, Program 1: u = sign(b1 m + (1-b1) g); m = b2 m + (1-b2) g; theta -= lr (u + wd theta)."""
    b1, b2 = 0.9, 0.99
    m = zeros(w)
    losses = []
    for k in range(steps):
        loss, g = model.grad(w, model.p["batches"][k])
        losses.append(loss)
        for name in w:
            u = np.sign(b1 * m[name] + (1 - b1) * g[name])
            m[name] = b2 * m[name] + (1 - b2) * g[name]
            if decayed(name):
                u = u + wd * w[name]
            w[name] = w[name] - lr * u
    return losses


def sophia(model, w, steps, lr, wd, estimator, seed):
    """Liu et al. 2024, Algorithm 3 (b1 0.96, b2 0.99, eps 1e-12, k 10; gamma 0.01 Hutchinson, 0.05 GNB):
      m = b1 m + (1-b1) g;  if t mod k == 1: h = b2 h + (1-b2) h_hat;  theta -= lr (wd theta)
      theta -= lr clip(m / max(gamma h, eps), 1)
    h_hat = u * (H u) (Algorithm 1, Rademacher u) or B * g_hat * g_hat at sampled labels (Algorithm 2)."""
    b1, b2, eps, k_int = 0.96, 0.99, 1e-12, 10
    gamma = 0.01 if estimator == "hutchinson" else 0.05
    base = derive(seed, 1 if estimator == "hutchinson" else 2)
    m, h = zeros(w), zeros(w)
    losses = []
    for t in range(1, steps + 1):
        batch = model.p["batches"][t - 1]
        loss, g = model.grad(w, batch)
        losses.append(loss)
        if (t - 1) % k_int == 0:
            s = derive(base, t)
            if estimator == "hutchinson":
                z = model.probe(s)
                hz = model.hvp(w, batch, z)
                hat = {name: z[name] * hz[name] for name in w}
            else:
                gs = model.sampled_grad(w, batch, s)
                hat = {name: len(batch) * gs[name] * gs[name] for name in w}
            for name in w:
                h[name] = b2 * h[name] + (1 - b2) * hat[name]
        for name in w:
            m[name] = b1 * m[name] + (1 - b1) * g[name]
            u = np.clip(m[name] / np.maximum(gamma * h[name], eps), -1, 1)
            if decayed(name):
                u = u + wd * w[name]
            w[name] = w[name] - lr * u
    return losses


def adahessian(model, w, steps, lr, wd, seed):
    """Yao et al. 2021, Algorithm 1 (b1 0.9, b2 0.999, eps 1e-4, Hessian power 1):
      D = z * (H z);  m = b1 m + (1-b1) g;  v = b2 v + (1-b2) D^2;  theta -= lr (m_hat / (sqrt(v_hat) + eps) + wd theta)"""
    b1, b2, eps = 0.9, 0.999, 1e-4
    base = derive(seed, 3)
    m, v = zeros(w), zeros(w)
    losses = []
    for t in range(1, steps + 1):
        batch = model.p["batches"][t - 1]
        loss, g = model.grad(w, batch)
        losses.append(loss)
        z = model.probe(derive(base, t))
        hz = model.hvp(w, batch, z)
        for name in w:
            d = z[name] * hz[name]
            m[name] = b1 * m[name] + (1 - b1) * g[name]
            v[name] = b2 * v[name] + (1 - b2) * d * d
            u = (m[name] / (1 - b1 ** t)) / (np.sqrt(v[name] / (1 - b2 ** t)) + eps)
            if decayed(name):
                u = u + wd * w[name]
            w[name] = w[name] - lr * u
    return losses


def schedule_free(model, w, steps, lr, wd, adam):
    """Defazio et al. 2024, Algorithm 1 (b1 0.9; AdamW b2 0.999, eps 1e-8, lr_t = lr sqrt(1 - b2^t)):
      y = (1-b1) z + b1 x (gradient point);  z = z - lr_t d - lr_t wd y;  c = lr_t^2 / sum lr_i^2;  x = (1-c) x + c z"""
    b1, b2, eps = 0.9, 0.999, 1e-8
    z = {k: v.copy() for k, v in w.items()}
    x = {k: v.copy() for k, v in w.items()}
    v2 = zeros(w)
    weight_sum = 0.0
    losses = []
    for t in range(1, steps + 1):
        loss, g = model.grad(w, model.p["batches"][t - 1])
        losses.append(loss)
        gamma = lr * math.sqrt(1 - b2 ** t) if adam else lr
        weight_sum += gamma * gamma
        c = gamma * gamma / weight_sum
        for name in w:
            d = g[name]
            if adam:
                v2[name] = b2 * v2[name] + (1 - b2) * g[name] * g[name]
                d = g[name] / (np.sqrt(v2[name]) + eps)
            lam = wd if decayed(name) else 0.0
            y = w[name]
            z[name] = z[name] - gamma * d - gamma * lam * y
            x[name] = (1 - c) * x[name] + c * z[name]
            w[name] = y + ((1 - b1) * z[name] + b1 * x[name] - y)
    return losses


def newton_schulz(u, steps=5, eps=1e-7):
    """Five quintic Newton-Schulz steps (a, b, c) = (3.4445, -4.7750, 2.0315) on the wide orientation."""
    a, b, c = 3.4445, -4.7750, 2.0315
    tall = u.shape[0] > u.shape[1]
    x = u.T if tall else u
    x = x / (np.linalg.norm(x) + eps)
    for _ in range(steps):
        s = x @ x.T
        x = a * x + (b * s + c * s @ s) @ x
    return x.T if tall else x


def muon(model, w, steps, lr, wd):
    """Jordan et al. 2024 on hidden weight matrices (beta 0.95, Nesterov):
      M = beta M + (1-beta) G;  U = (1-beta) G + beta M;  u = sqrt(max(1, r/c)) NS5(U);  theta -= lr (u + wd theta)
    and AdamW (Kingma and Ba 2015; Loshchilov and Hutter 2019) at lr/20 on the other tensors, decay on non-biases."""
    beta, b1, b2, eps = 0.95, 0.9, 0.999, 1e-8
    hidden = [t["name"] for t in model.tensors if t["matrix"] and t["role"] == "HIDDEN"]
    mom, m, v = zeros(w), zeros(w), zeros(w)
    losses = []
    for t in range(1, steps + 1):
        loss, g = model.grad(w, model.p["batches"][t - 1])
        losses.append(loss)
        for name in w:
            if name in hidden:
                mom[name] = beta * mom[name] + (1 - beta) * g[name]
                u = (1 - beta) * g[name] + beta * mom[name]
                r, c = u.shape
                u = math.sqrt(max(1.0, r / c)) * newton_schulz(u)
                w[name] = w[name] - lr * (u + wd * w[name])
            else:
                m[name] = b1 * m[name] + (1 - b1) * g[name]
                v[name] = b2 * v[name] + (1 - b2) * g[name] ** 2
                u = (m[name] / (1 - b1 ** t)) / (np.sqrt(v[name]) / math.sqrt(1 - b2 ** t) + eps)
                if decayed(name):
                    u = u + wd * w[name]
                w[name] = w[name] - (lr / 20) * u
    return losses


def sym_eig_desc(a):
    values, vectors = np.linalg.eigh(a)
    order = np.argsort(-values, kind="stable")
    return values[order], vectors[:, order]


def inverse_power(a, power, floor):
    values, vectors = sym_eig_desc(a)
    return (vectors * np.maximum(values, floor) ** (-power)) @ vectors.T


def shampoo(model, w, steps, lr, wd):
    """Gupta et al. 2018, Algorithm 1 (eps 1e-4), vectors as one-column matrices, roots every 10 steps:
      L = L + G G^T;  R = R + G^T G  (L0 = eps I, R0 = eps I);  u = L^{-1/4} G R^{-1/4};  theta -= lr (u + wd theta)"""
    eps, freq = 1e-4, 10
    two_d = {k: (v if v.ndim == 2 else v.reshape(-1, 1)) for k, v in w.items()}
    left = {k: eps * np.eye(a.shape[0]) for k, a in two_d.items()}
    right = {k: eps * np.eye(a.shape[1]) for k, a in two_d.items()}
    pl, pr = {}, {}
    losses = []
    for t in range(1, steps + 1):
        loss, g = model.grad(w, model.p["batches"][t - 1])
        losses.append(loss)
        for name in w:
            gm = g[name].reshape(two_d[name].shape)
            left[name] = left[name] + gm @ gm.T
            right[name] = right[name] + gm.T @ gm
            if (t - 1) % freq == 0:
                pl[name] = inverse_power(left[name], 0.25, eps)
                pr[name] = inverse_power(right[name], 0.25, eps)
            u = (pl[name] @ gm @ pr[name]).reshape(w[name].shape)
            if decayed(name):
                u = u + wd * w[name]
            w[name] = w[name] - lr * u
    return losses


def soap(model, w, steps, lr, wd):
    """Vyas et al. 2025, Algorithm 3 (b1 = b2 = shampoo beta = 0.95, eps 1e-8, bases every 10 steps,
    identity before the first refresh; vectors get Adam):
      M = b1 M + (1-b1) G;  G' = QL^T G QR;  M' = QL^T M QR;  V = b2 V + (1-b2) G'^2
      N' = (M'/(1-b1^t)) / (sqrt(V/(1-b2^t)) + eps);  u = QL N' QR^T;  theta -= lr (u + wd theta)
      L = bs L + (1-bs) G G^T;  R = bs R + (1-bs) G^T G;  every 10 steps QL, QR = eigenvectors, decreasing eigenvalues"""
    b1, b2, bs, eps, freq = 0.95, 0.95, 0.95, 1e-8, 10
    m, v = zeros(w), zeros(w)
    ql = {k: np.eye(a.shape[0]) for k, a in w.items() if a.ndim == 2}
    qr = {k: np.eye(a.shape[1]) for k, a in w.items() if a.ndim == 2}
    left = {k: np.zeros((a.shape[0], a.shape[0])) for k, a in w.items() if a.ndim == 2}
    right = {k: np.zeros((a.shape[1], a.shape[1])) for k, a in w.items() if a.ndim == 2}
    losses = []
    for t in range(1, steps + 1):
        loss, g = model.grad(w, model.p["batches"][t - 1])
        losses.append(loss)
        for name in w:
            gm = g[name]
            m[name] = b1 * m[name] + (1 - b1) * gm
            matrix = gm.ndim == 2
            g_rot = ql[name].T @ gm @ qr[name] if matrix else gm
            m_rot = ql[name].T @ m[name] @ qr[name] if matrix else m[name]
            v[name] = b2 * v[name] + (1 - b2) * g_rot * g_rot
            n_rot = (m_rot / (1 - b1 ** t)) / (np.sqrt(v[name] / (1 - b2 ** t)) + eps)
            u = ql[name] @ n_rot @ qr[name].T if matrix else n_rot
            if matrix:
                left[name] = bs * left[name] + (1 - bs) * (gm @ gm.T)
                right[name] = bs * right[name] + (1 - bs) * (gm.T @ gm)
                if t % freq == 0:
                    ql[name] = sym_eig_desc(left[name])[1]
                    qr[name] = sym_eig_desc(right[name])[1]
            if decayed(name):
                u = u + wd * w[name]
            w[name] = w[name] - lr * u
    return losses


STEPS = 100
RUNS = [
    ("adan", dict(lr=1e-2, weight_decay=0.02)),
    ("lion", dict(lr=1e-2, weight_decay=0.1)),
    ("sophia", dict(lr=1e-2, weight_decay=0.01)),
    ("sophia-g", dict(lr=1e-2, weight_decay=0.01)),
    ("adahessian", dict(lr=0.1, weight_decay=0.01)),
    ("schedule-free-sgd", dict(lr=0.1, weight_decay=1e-3)),
    ("schedule-free-adamw", dict(lr=1e-2, weight_decay=1e-3)),
    ("muon", dict(lr=0.02, weight_decay=0.01)),
    ("shampoo", dict(lr=0.1, weight_decay=1e-3)),
    ("soap", dict(lr=1e-2, weight_decay=0.01)),
]


def run(p, name, h):
    model = Model(p)
    w = {k: v.numpy().copy() for k, v in rp.params(p).items()}
    lr, wd, seed = h["lr"], h["weight_decay"], p["seed"]
    if name == "adan":
        return adan(model, w, STEPS, lr, wd)
    if name == "lion":
        return lion(model, w, STEPS, lr, wd)
    if name in ("sophia", "sophia-g"):
        return sophia(model, w, STEPS, lr, wd, "hutchinson" if name == "sophia" else "gnb", seed)
    if name == "adahessian":
        return adahessian(model, w, STEPS, lr, wd, seed)
    if name.startswith("schedule-free"):
        return schedule_free(model, w, STEPS, lr, wd, name.endswith("adamw"))
    if name == "muon":
        return muon(model, w, STEPS, lr, wd)
    if name == "shampoo":
        return shampoo(model, w, STEPS, lr, wd)
    if name == "soap":
        return soap(model, w, STEPS, lr, wd)
    raise ValueError(name)


def main(path):
    p = rp.read(path)
    lines = [l if not l.startswith("steps ") else f"steps {STEPS}\n" for l in rp.input_lines(path)]
    sys.stdout.write("".join(lines))
    print(f"# NumPy {np.__version__} from the papers' equations, model derivatives by torch {torch.__version__} autograd")
    for name, h in RUNS:
        print(f"run {name} " + " ".join(f"{k}={v}" for k, v in h.items()))
        print("loss " + rp.fmt(run(p, name, h)))


if __name__ == "__main__":
    main(sys.argv[1])
