"""Reads the reference problem written by ReferenceProblem.main (src/test/java/io/fixpoint/train) and
builds the same MLP in PyTorch (float64): shared by torch_reference.py and paper_reference.py."""
import torch

torch.set_default_dtype(torch.float64)


def read(path):
    fields, tensors, batches = {}, [], []
    with open(path) as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            key, *values = line.split()
            if key == "batch-indices":
                batches.append([int(v) for v in values])
            elif key == "tensor":
                name, role, offset, rows, cols, matrix = values
                tensors.append(dict(name=name, role=role, offset=int(offset), rows=int(rows), cols=int(cols),
                                    matrix=matrix == "true"))
            elif key in ("run", "loss"):
                continue
            else:
                fields[key] = values
    p = dict(
        features=int(fields["features"][0]),
        hidden=[int(h) for h in fields["hidden"]],
        activation=fields["activation"][0],
        batch=int(fields["batch"][0]),
        seed=int(fields["seed"][0]),
        steps=int(fields["steps"][0]),
        x=torch.tensor([float(v) for v in fields["x"]]),
        y=torch.tensor([int(v) for v in fields["y"]]),
        w0=[float(v) for v in fields["w0"]],
        tensors=tensors,
        batches=batches,
    )
    p["x"] = p["x"].reshape(-1, p["features"])
    return p


def input_lines(path):
    """The inputs of the problem file, without runs, to copy into a fixture."""
    with open(path) as f:
        return [line for line in f if not line.startswith(("run ", "loss "))]


def params(p):
    """The initial weights as a dict name -> tensor of the tensor's shape (row-major, as in Java)."""
    flat = torch.tensor(p["w0"])
    out = {}
    for t in p["tensors"]:
        shape = (t["rows"], t["cols"]) if t["matrix"] else (t["rows"],)
        out[t["name"]] = flat[t["offset"]:t["offset"] + t["rows"] * t["cols"]].reshape(shape).clone()
    return out


def logits(p, w, xb):
    """Forward pass of the MLP: layerK.weight is out x in, tanh on hidden layers."""
    a = xb
    layers = len(p["hidden"]) + 1
    for k in range(1, layers + 1):
        a = a @ w[f"layer{k}.weight"].T + w[f"layer{k}.bias"]
        if k < layers:
            assert p["activation"] == "tanh"
            a = torch.tanh(a)
    return a


def loss(p, w, batch, labels=None):
    idx = torch.tensor(batch)
    y = p["y"][idx] if labels is None else labels
    return torch.nn.functional.cross_entropy(logits(p, w, p["x"][idx]), y)


def fmt(values):
    return " ".join(repr(float(v)) for v in values)
