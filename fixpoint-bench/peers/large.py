"""The large-scale suite's variable-dimension test problems, NumPy-vectorised (io.fixpoint.bench.suite.Suites.scalable).

Each problem gives value_and_gradient(x) and an analytic hessp(x, v) in O(n) NumPy operations, and its
standard start. The sums of squares f = sum r_i^2 are written, like the Java ones, through the
residuals r, the products J^T u and J v, and sum_i w_i Hess(r_i) v, so f = r.r, grad f = 2 J^T r and
Hess f v = 2 (J^T J v + sum_i r_i Hess(r_i) v). The convex quadratic draws its random vectors from the
same counter-based SplitMix64 hash as io.fixpoint.bench.suite.ConvexQuadratic, so both sides build the
same function; the bench checks f(x0) and grad f(x0) against Java's before anything is timed.
"""

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_STREAM = np.uint64(0xD1B54A32D192ED03)
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def uniform(seed, stream, index):
    """Numbers in [0, 1) from the SplitMix64 finaliser of (seed, stream, index), index an int array."""
    with np.errstate(over="ignore"):
        z = (np.uint64(seed) * _GOLDEN + np.uint64(stream) * _STREAM
             + (np.asarray(index, dtype=np.uint64) + np.uint64(1)) * _GOLDEN)
        z = (z ^ (z >> np.uint64(30))) * _MIX1
        z = (z ^ (z >> np.uint64(27))) * _MIX2
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53


class _SumOfSquares:
    """f = r.r through the residuals' products; subclasses define r, jt, jv and shv."""

    def value_and_gradient(self, x):
        r = self.residuals(x)
        return float(r @ r), self.jt(x, 2.0 * r)

    def value(self, x):
        r = self.residuals(x)
        return float(r @ r)

    def gradient(self, x):
        return self.value_and_gradient(x)[1]

    def hessp(self, x, v):
        r = self.residuals(x)
        return self.jt(x, 2.0 * self.jv(x, v)) + self.shv(x, 2.0 * r, v)


def _shift_left(v):
    """v[i+1], zero past the end."""
    out = np.zeros_like(v)
    out[:-1] = v[1:]
    return out


def _shift_right(v):
    """v[i-1], zero before the start."""
    out = np.zeros_like(v)
    out[1:] = v[:-1]
    return out


class ExtendedRosenbrock(_SumOfSquares):
    name = "extended-rosenbrock"

    def __init__(self, n):
        if n % 2:
            raise ValueError("n must be even")
        self.n = n

    def start(self):
        x = np.ones(self.n)
        x[0::2] = -1.2
        return x

    def residuals(self, x):
        r = np.empty_like(x)
        r[0::2] = 10.0 * (x[1::2] - x[0::2] ** 2)
        r[1::2] = 1.0 - x[0::2]
        return r

    def jt(self, x, u):
        out = np.empty_like(x)
        out[0::2] = -20.0 * x[0::2] * u[0::2] - u[1::2]
        out[1::2] = 10.0 * u[0::2]
        return out

    def jv(self, x, v):
        out = np.empty_like(x)
        out[0::2] = -20.0 * x[0::2] * v[0::2] + 10.0 * v[1::2]
        out[1::2] = -v[0::2]
        return out

    def shv(self, x, w, v):
        out = np.zeros_like(x)
        out[0::2] = -20.0 * w[0::2] * v[0::2]
        return out


class ExtendedPowell(_SumOfSquares):
    name = "extended-powell"
    S5 = np.sqrt(5.0)
    S10 = np.sqrt(10.0)

    def __init__(self, n):
        if n % 4:
            raise ValueError("n must be a multiple of 4")
        self.n = n

    def start(self):
        return np.tile([3.0, -1.0, 0.0, 1.0], self.n // 4)

    def residuals(self, x):
        x1, x2, x3, x4 = x[0::4], x[1::4], x[2::4], x[3::4]
        r = np.empty_like(x)
        a = x2 - 2.0 * x3
        b = x1 - x4
        r[0::4] = x1 + 10.0 * x2
        r[1::4] = self.S5 * (x3 - x4)
        r[2::4] = a * a
        r[3::4] = self.S10 * b * b
        return r

    def jt(self, x, u):
        a = x[1::4] - 2.0 * x[2::4]
        b = x[0::4] - x[3::4]
        out = np.empty_like(x)
        out[0::4] = u[0::4] + 2.0 * self.S10 * b * u[3::4]
        out[1::4] = 10.0 * u[0::4] + 2.0 * a * u[2::4]
        out[2::4] = self.S5 * u[1::4] - 4.0 * a * u[2::4]
        out[3::4] = -self.S5 * u[1::4] - 2.0 * self.S10 * b * u[3::4]
        return out

    def jv(self, x, v):
        a = x[1::4] - 2.0 * x[2::4]
        b = x[0::4] - x[3::4]
        out = np.empty_like(x)
        out[0::4] = v[0::4] + 10.0 * v[1::4]
        out[1::4] = self.S5 * (v[2::4] - v[3::4])
        out[2::4] = 2.0 * a * (v[1::4] - 2.0 * v[2::4])
        out[3::4] = 2.0 * self.S10 * b * (v[0::4] - v[3::4])
        return out

    def shv(self, x, w, v):
        out = np.zeros_like(x)
        p = 2.0 * w[2::4] * (v[1::4] - 2.0 * v[2::4])
        q = 2.0 * self.S10 * w[3::4] * (v[0::4] - v[3::4])
        out[0::4] = q
        out[1::4] = p
        out[2::4] = -2.0 * p
        out[3::4] = -q
        return out


class BroydenTridiagonal(_SumOfSquares):
    name = "broyden-tridiagonal"

    def __init__(self, n):
        self.n = n

    def start(self):
        return -np.ones(self.n)

    def residuals(self, x):
        return (3.0 - 2.0 * x) * x - _shift_right(x) - 2.0 * _shift_left(x) + 1.0

    def jt(self, x, u):
        return (3.0 - 4.0 * x) * u - _shift_left(u) - 2.0 * _shift_right(u)

    def jv(self, x, v):
        return (3.0 - 4.0 * x) * v - _shift_right(v) - 2.0 * _shift_left(v)

    def shv(self, x, w, v):
        return -4.0 * w * v


class DiscreteBoundaryValue(_SumOfSquares):
    name = "discrete-boundary-value"

    def __init__(self, n):
        self.n = n
        self.h = 1.0 / (n + 1)
        self.t = np.arange(1, n + 1) * self.h

    def start(self):
        return self.t * (self.t - 1.0)

    def residuals(self, x):
        u = x + self.t + 1.0
        return 2.0 * x - _shift_right(x) - _shift_left(x) + self.h * self.h * u ** 3 / 2.0

    def jv(self, x, v):
        u = x + self.t + 1.0
        return (2.0 + 1.5 * self.h * self.h * u * u) * v - _shift_right(v) - _shift_left(v)

    def jt(self, x, u):
        return self.jv(x, u)

    def shv(self, x, w, v):
        return 3.0 * self.h * self.h * (x + self.t + 1.0) * w * v


class Penalty1(_SumOfSquares):
    name = "penalty-1"
    SQRT_A = np.sqrt(1e-5)

    def __init__(self, n):
        self.n = n

    def start(self):
        return np.arange(1.0, self.n + 1.0)

    def residuals(self, x):
        return np.concatenate([self.SQRT_A * (x - 1.0), [x @ x - 0.25]])

    def jt(self, x, u):
        return self.SQRT_A * u[:-1] + 2.0 * u[-1] * x

    def jv(self, x, v):
        return np.concatenate([self.SQRT_A * v, [2.0 * (x @ v)]])

    def shv(self, x, w, v):
        return 2.0 * w[-1] * v


class Trigonometric(_SumOfSquares):
    name = "trigonometric"

    def __init__(self, n):
        self.n = n
        self.i = np.arange(1.0, n + 1.0)

    def start(self):
        return np.full(self.n, 1.0 / self.n)

    def residuals(self, x):
        # n - sum cos x_j and 1 - cos x_i without cancellation: 2 sin^2(x/2)
        h = 2.0 * np.sin(0.5 * x) ** 2
        return h.sum() + self.i * h - np.sin(x)

    def jt(self, x, u):
        s = np.sin(x)
        return s * u.sum() + u * (self.i * s - np.cos(x))

    def jv(self, x, v):
        s = np.sin(x)
        return (s @ v) + (self.i * s - np.cos(x)) * v

    def shv(self, x, w, v):
        c = np.cos(x)
        return (w.sum() * c + w * (self.i * c + np.sin(x))) * v


class ConvexQuadratic:
    """f = (x - x*)' H D H (x - x*) / 2, D = diag(kappa^(i/(n-1))), H = I - 2uu'/u'u."""

    name = "convex-quadratic"

    def __init__(self, n, condition=1e4, seed=1):
        self.n = n
        i = np.arange(n)
        self.d = np.exp(np.log(condition) * i / (n - 1))
        self.u = 2.0 * uniform(seed, 0, i) - 1.0
        self.x_star = 2.0 * uniform(seed, 1, i) - 1.0
        self.c = 2.0 / (self.u @ self.u)

    def start(self):
        return np.zeros(self.n)

    def _apply(self, z):
        w = z - (self.c * (self.u @ z)) * self.u
        t = self.d * w
        return 0.5 * float(w @ t), t - (self.c * (self.u @ t)) * self.u

    def value_and_gradient(self, x):
        return self._apply(x - self.x_star)

    def value(self, x):
        return self._apply(x - self.x_star)[0]

    def gradient(self, x):
        return self._apply(x - self.x_star)[1]

    def hessp(self, x, v):
        return self._apply(v)[1]


_PROBLEMS = {c.name: c for c in (ExtendedRosenbrock, ExtendedPowell, BroydenTridiagonal, DiscreteBoundaryValue,
                                 Penalty1, Trigonometric, ConvexQuadratic)}


def get(name, n):
    """The problem called name at dimension n; KeyError naming the known ones otherwise."""
    if name not in _PROBLEMS:
        raise KeyError(f"unknown large-scale problem {name!r}; known: {sorted(_PROBLEMS)}")
    return _PROBLEMS[name](n)


if __name__ == "__main__":
    print(repr(float(uniform(1, 0, [0])[0])), repr(float(uniform(1, 1, [0])[0])), repr(float(uniform(7, 0, [999999])[0])))
