#!/usr/bin/python3
"""Loss trajectories of torch.optim on the reference problem, frozen as a test fixture.

    java -cp ... io.fixpoint.train.ReferenceProblem iris.csv inputs.txt     # see ReferenceProblem.main
    /usr/bin/python3 torch_reference.py inputs.txt > ../resources/io/fixpoint/train/torch-reference.txt

Needs PyTorch 1.13 (Debian: apt-get install -y python3-torch). Float64 throughout. The same MLP, the same
initial weights and the same minibatch order as the Java side; for every optimiser the loss of each
minibatch before its update. Weight decay of AdamW goes to the weight matrices only (a parameter group
without decay for the biases), as Fixpoint's adamw masks biases; the L2 decay of SGD and Adam applies to
every tensor in both. NAdam runs with foreach=True: in torch 1.13 the single-tensor NAdam multiplies
mu_t into the second bias-correction product twice (mu_product * mu * mu_next), while the foreach
implementation computes Dozat's 1 - prod_{i<=t+1} mu_i, which is what Fixpoint implements.
"""
import sys

import torch

import reference_problem as rp

RUNS = [
    ("sgd", dict(lr=0.1, momentum=0.9, nesterov=False, weight_decay=1e-3)),
    ("sgd", dict(lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.0)),
    ("sgd", dict(lr=0.05, momentum=0.0, nesterov=False, weight_decay=0.0)),
    ("adam", dict(lr=1e-2, weight_decay=1e-3)),
    ("adamw", dict(lr=1e-2, weight_decay=0.05)),
    ("nadam", dict(lr=1e-2, weight_decay=0.0)),
    ("radam", dict(lr=1e-2, weight_decay=1e-3)),
]


def make(name, groups, h):
    if name == "sgd":
        return torch.optim.SGD(groups, lr=h["lr"], momentum=h["momentum"], nesterov=h["nesterov"], weight_decay=h["weight_decay"])
    if name == "adam":
        return torch.optim.Adam(groups, lr=h["lr"], weight_decay=h["weight_decay"])
    if name == "adamw":
        return torch.optim.AdamW(groups, lr=h["lr"])
    if name == "nadam":
        return torch.optim.NAdam(groups, lr=h["lr"], weight_decay=h["weight_decay"], foreach=True)
    if name == "radam":
        return torch.optim.RAdam(groups, lr=h["lr"], weight_decay=h["weight_decay"])
    raise ValueError(name)


def run(p, name, h):
    w = {k: v.requires_grad_() for k, v in rp.params(p).items()}
    if name == "adamw":
        groups = [dict(params=[v for k, v in w.items() if k.endswith("weight")], weight_decay=h["weight_decay"]),
                  dict(params=[v for k, v in w.items() if k.endswith("bias")], weight_decay=0.0)]
    else:
        groups = list(w.values())
    opt = make(name, groups, h)
    losses = []
    for step in range(p["steps"]):
        opt.zero_grad()
        loss = rp.loss(p, w, p["batches"][step])
        loss.backward()
        losses.append(loss.item())
        opt.step()
    return losses


def main(path):
    p = rp.read(path)
    sys.stdout.write("".join(rp.input_lines(path)))
    print(f"# torch {torch.__version__}: loss of every minibatch before its update")
    for name, h in RUNS:
        settings = " ".join(f"{k}={v}" for k, v in h.items())
        print(f"run {name} {settings}")
        print("loss " + rp.fmt(run(p, name, h)))


if __name__ == "__main__":
    main(sys.argv[1])
