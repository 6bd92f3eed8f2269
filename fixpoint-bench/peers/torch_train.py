"""Trains the same MLP as Fixpoint with PyTorch, for the training suite's comparison.

Reads one JSON object on stdin: x (rows x features), y, the tensors (name, rows, cols, values; weights are
out x in), the minibatch order (a list of index lists), lr, weight_decay, epochs, threads, and optionally
held_out_x, held_out_y and eval_every. Trains with torch.optim.AdamW in float64 (decay on the weight
matrices only, as Fixpoint's adamw masks biases), ReLU hidden layers and softmax cross-entropy, and
prints one JSON object: the torch version, the seconds of every epoch (held-out evaluations excluded),
the loss of every minibatch and the held-out loss after every eval_every updates. Needs PyTorch
(Debian: apt-get install -y python3-torch).
"""
import json
import sys
import time

import torch


def main():
    req = json.load(sys.stdin)
    torch.set_num_threads(req["threads"])
    torch.set_default_dtype(torch.float64)
    x = torch.tensor(req["x"])
    y = torch.tensor(req["y"])
    params = {}
    for t in req["tensors"]:
        shape = (t["rows"], t["cols"]) if t["matrix"] else (t["rows"],)
        params[t["name"]] = torch.tensor(t["values"]).reshape(shape).requires_grad_()
    layers = len(params) // 2
    groups = [dict(params=[p for n, p in params.items() if n.endswith("weight")], weight_decay=req["weight_decay"]),
              dict(params=[p for n, p in params.items() if n.endswith("bias")], weight_decay=0.0)]
    opt = torch.optim.AdamW(groups, lr=req["lr"])
    batches = [torch.tensor(b) for b in req["batches"]]
    per_epoch = len(batches) // req["epochs"]
    eval_every = req.get("eval_every", 0)
    hx = torch.tensor(req["held_out_x"]) if eval_every else None
    hy = torch.tensor(req["held_out_y"]) if eval_every else None

    def forward(a):
        for k in range(1, layers + 1):
            a = a @ params[f"layer{k}.weight"].T + params[f"layer{k}.bias"]
            if k < layers:
                a = torch.relu(a)
        return a

    seconds, losses, held_out = [], [], []
    step = 0
    for e in range(req["epochs"]):
        t0 = time.perf_counter()
        evaluating = 0.0
        for b in batches[e * per_epoch:(e + 1) * per_epoch]:
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(forward(x[b]), y[b])
            loss.backward()
            opt.step()
            losses.append(loss.item())
            step += 1
            if eval_every and step % eval_every == 0:
                t1 = time.perf_counter()
                with torch.no_grad():
                    held_out.append(torch.nn.functional.cross_entropy(forward(hx), hy).item())
                evaluating += time.perf_counter() - t1
        seconds.append(time.perf_counter() - t0 - evaluating)
    print(json.dumps(dict(torch=torch.__version__, seconds=seconds, losses=losses, held_out=held_out)))


if __name__ == "__main__":
    main()
