"""Times PyTorch training the same MLP as Fixpoint, for the training suite's time-per-epoch comparison.

Reads one JSON object on stdin: x (rows x features), y, the tensors (name, rows, cols, values; weights are
out x in), the minibatch order (a list of index lists), lr, weight_decay, epochs, threads. Trains with
torch.optim.AdamW in float64 (decay on the weight matrices only, as Fixpoint's adamw masks biases), ReLU
hidden layers and softmax cross-entropy, and prints one JSON object: the torch version, the seconds of
every epoch and the loss of every minibatch. Needs PyTorch (Debian: apt-get install -y python3-torch).
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
    seconds, losses = [], []
    for e in range(req["epochs"]):
        t0 = time.perf_counter()
        for b in batches[e * per_epoch:(e + 1) * per_epoch]:
            opt.zero_grad()
            a = x[b]
            for k in range(1, layers + 1):
                a = a @ params[f"layer{k}.weight"].T + params[f"layer{k}.bias"]
                if k < layers:
                    a = torch.relu(a)
            loss = torch.nn.functional.cross_entropy(a, y[b])
            loss.backward()
            opt.step()
            losses.append(loss.item())
        seconds.append(time.perf_counter() - t0)
    print(json.dumps(dict(torch=torch.__version__, seconds=seconds, losses=losses)))


if __name__ == "__main__":
    main()
