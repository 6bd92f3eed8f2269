"""Moré–Garbow–Hillstrom test problems (ACM TOMS 7(1), 1981) as vectorised NumPy sums of squares.

Each problem is f(x) = sum_i r_i(x)^2 with residuals r and an analytic Jacobian J, so
grad f = 2 J^T r. Hessian-vector products come from complex-step differentiation of the analytic
gradient (exact to rounding, one complex gradient evaluation), which is why every formula here is
written to stay analytic for complex x: no abs() or sign() of the argument, branches on the real part.

These definitions mirror the Java ones in fixpoint-bench; the bench checks f(x0) and grad f(x0)
against the Java values at run time, so a drift between the two cannot go unnoticed.
"""

import math
import re

import numpy as np

_REGISTRY = {}


def _problem(*names, m=None):
    """Registers a residual class under one or more names; m(n) gives the default residual count."""

    def wrap(cls):
        cls.default_m = staticmethod(m if m is not None else (lambda n: n))
        for name in names:
            _REGISTRY[name] = cls
        return cls

    return wrap


def _dtype(x):
    return np.result_type(x.dtype, np.float64)


def _absolute(z):
    """|z| continued analytically from the real axis (complex-step safe)."""
    return np.where(np.real(z) < 0, -z, z)


class SumOfSquares:
    """f = r.r with analytic gradient 2 J^T r and a complex-step Hessian-vector product."""

    def __init__(self, name, residuals, jacobian, n, m):
        self.name, self.n, self.m = name, n, m
        self._r, self._j = residuals, jacobian

    def residuals(self, x):
        return self._r(np.asarray(x), self.n, self.m)

    def jacobian(self, x):
        return self._j(np.asarray(x), self.n, self.m)

    def value(self, x):
        r = self.residuals(x)
        return float(r @ r)

    def gradient(self, x):
        x = np.asarray(x)
        return 2.0 * (self._j(x, self.n, self.m).T @ self._r(x, self.n, self.m))

    def value_and_gradient(self, x):
        x = np.asarray(x)
        r = self._r(x, self.n, self.m)
        return float(r @ r), 2.0 * (self._j(x, self.n, self.m).T @ r)

    def hessp(self, x, v):
        scale = float(np.linalg.norm(v))
        if scale == 0.0:
            return np.zeros(self.n)
        h = 1e-20
        return np.imag(self.gradient(np.asarray(x, dtype=np.complex128) + 1j * h * (v / scale))) * (scale / h)


def names():
    return sorted(_REGISTRY)


def _canonical(name):
    return re.sub(r"[^a-z0-9]", "", name.lower())


def get(name, n, m=None):
    """The problem called name (hyphens, case and a trailing '-<n>' dimension suffix ignored)."""
    tried = [name]
    match = re.fullmatch(r"(.*?)-?(\d+)", name)
    if match and match.group(1):
        tried.append(match.group(1))
    for candidate in tried:
        cls = _CANONICAL.get(_canonical(candidate))
        if cls is not None:
            mm = int(m) if m is not None else cls.default_m(n)
            return SumOfSquares(name, cls.r, cls.j, int(n), mm)
    raise KeyError(f"no Python definition of problem '{name}'")


# ---------------------------------------------------------------------------------------------
# 1-19: fixed dimension


@_problem("rosenbrock")
class _Rosenbrock:
    @staticmethod
    def r(x, n, m):
        return np.array([10.0 * (x[1] - x[0] ** 2), 1.0 - x[0]])

    @staticmethod
    def j(x, n, m):
        return np.array([[-20.0 * x[0], 10.0 + 0 * x[0]], [-1.0 + 0 * x[0], 0 * x[0]]])


@_problem("freudenstein-roth", "freudenstein-and-roth")
class _FreudensteinRoth:
    @staticmethod
    def r(x, n, m):
        a, b = x
        return np.array([-13.0 + a + ((5.0 - b) * b - 2.0) * b, -29.0 + a + ((b + 1.0) * b - 14.0) * b])

    @staticmethod
    def j(x, n, m):
        a, b = x
        one = 1.0 + 0 * a
        return np.array([[one, 10.0 * b - 3.0 * b ** 2 - 2.0], [one, 3.0 * b ** 2 + 2.0 * b - 14.0]])


@_problem("powell-badly-scaled")
class _PowellBadlyScaled:
    @staticmethod
    def r(x, n, m):
        return np.array([1e4 * x[0] * x[1] - 1.0, np.exp(-x[0]) + np.exp(-x[1]) - 1.0001])

    @staticmethod
    def j(x, n, m):
        return np.array([[1e4 * x[1], 1e4 * x[0]], [-np.exp(-x[0]), -np.exp(-x[1])]])


@_problem("brown-badly-scaled", m=lambda n: 3)
class _BrownBadlyScaled:
    @staticmethod
    def r(x, n, m):
        return np.array([x[0] - 1e6, x[1] - 2e-6, x[0] * x[1] - 2.0])

    @staticmethod
    def j(x, n, m):
        one, zero = 1.0 + 0 * x[0], 0 * x[0]
        return np.array([[one, zero], [zero, one], [x[1], x[0]]])


_BEALE_Y = np.array([1.5, 2.25, 2.625])


@_problem("beale", m=lambda n: 3)
class _Beale:
    @staticmethod
    def r(x, n, m):
        i = np.arange(1, 4)
        return _BEALE_Y - x[0] * (1.0 - x[1] ** i)

    @staticmethod
    def j(x, n, m):
        i = np.arange(1, 4)
        return np.stack([-(1.0 - x[1] ** i), x[0] * i * x[1] ** (i - 1)], axis=1)


@_problem("jennrich-sampson", "jennrich-and-sampson", m=lambda n: 10)
class _JennrichSampson:
    @staticmethod
    def r(x, n, m):
        i = np.arange(1, m + 1)
        return 2.0 + 2.0 * i - (np.exp(i * x[0]) + np.exp(i * x[1]))

    @staticmethod
    def j(x, n, m):
        i = np.arange(1, m + 1)
        return np.stack([-i * np.exp(i * x[0]), -i * np.exp(i * x[1])], axis=1)


@_problem("helical-valley")
class _HelicalValley:
    @staticmethod
    def r(x, n, m):
        theta = np.arctan(x[1] / x[0]) / (2 * math.pi) + (0.5 if np.real(x[0]) < 0 else 0.0)
        return np.array([10.0 * (x[2] - 10.0 * theta), 10.0 * (np.sqrt(x[0] ** 2 + x[1] ** 2) - 1.0), x[2]])

    @staticmethod
    def j(x, n, m):
        s = x[0] ** 2 + x[1] ** 2
        q = np.sqrt(s)
        c = 100.0 / (2 * math.pi * s)
        zero = 0 * x[0]
        return np.array([[c * x[1], -c * x[0], 10.0 + zero],
                         [10.0 * x[0] / q, 10.0 * x[1] / q, zero],
                         [zero, zero, 1.0 + zero]])


_BARD_Y = np.array([0.14, 0.18, 0.22, 0.25, 0.29, 0.32, 0.35, 0.39, 0.37, 0.58, 0.73, 0.96, 1.34, 2.10, 4.39])


@_problem("bard", m=lambda n: 15)
class _Bard:
    @staticmethod
    def _uvw():
        u = np.arange(1.0, 16.0)
        v = 16.0 - u
        return u, v, np.minimum(u, v)

    @staticmethod
    def r(x, n, m):
        u, v, w = _Bard._uvw()
        return _BARD_Y - (x[0] + u / (v * x[1] + w * x[2]))

    @staticmethod
    def j(x, n, m):
        u, v, w = _Bard._uvw()
        d = (v * x[1] + w * x[2]) ** 2
        return np.stack([-np.ones(15) + 0 * x[0], u * v / d, u * w / d], axis=1)


_GAUSSIAN_Y = np.array([0.0009, 0.0044, 0.0175, 0.0540, 0.1295, 0.2420, 0.3521, 0.3989,
                        0.3521, 0.2420, 0.1295, 0.0540, 0.0175, 0.0044, 0.0009])


@_problem("gaussian", m=lambda n: 15)
class _Gaussian:
    @staticmethod
    def r(x, n, m):
        t = (8.0 - np.arange(1, 16)) / 2.0
        return x[0] * np.exp(-x[1] * (t - x[2]) ** 2 / 2.0) - _GAUSSIAN_Y

    @staticmethod
    def j(x, n, m):
        t = (8.0 - np.arange(1, 16)) / 2.0
        d = t - x[2]
        e = np.exp(-x[1] * d ** 2 / 2.0)
        return np.stack([e, -x[0] * e * d ** 2 / 2.0, x[0] * e * x[1] * d], axis=1)


_MEYER_Y = np.array([34780.0, 28610.0, 23650.0, 19630.0, 16370.0, 13720.0, 11540.0, 9744.0,
                     8261.0, 7030.0, 6005.0, 5147.0, 4427.0, 3820.0, 3307.0, 2872.0])


@_problem("meyer", m=lambda n: 16)
class _Meyer:
    @staticmethod
    def r(x, n, m):
        t = 45.0 + 5.0 * np.arange(1, 17)
        return x[0] * np.exp(x[1] / (t + x[2])) - _MEYER_Y

    @staticmethod
    def j(x, n, m):
        t = 45.0 + 5.0 * np.arange(1, 17)
        d = t + x[2]
        e = np.exp(x[1] / d)
        return np.stack([e, x[0] * e / d, -x[0] * e * x[1] / d ** 2], axis=1)


@_problem("gulf-research", "gulf-research-and-development", "gulf", m=lambda n: 99)
class _Gulf:
    @staticmethod
    def _ty(m):
        t = np.arange(1, m + 1) / 100.0
        return t, 25.0 + (-50.0 * np.log(t)) ** (2.0 / 3.0)

    @staticmethod
    def r(x, n, m):
        t, y = _Gulf._ty(m)
        a = _absolute(y - x[1])
        return np.exp(-(a ** x[2]) / x[0]) - t

    @staticmethod
    def j(x, n, m):
        t, y = _Gulf._ty(m)
        d = y - x[1]
        a = _absolute(d)
        p = a ** x[2]
        e = np.exp(-p / x[0])
        # d|d|/dx2 = -|d|/d
        return np.stack([e * p / x[0] ** 2,
                         e * (-(x[2] * p / a) * (-a / d)) / x[0],
                         -e * p * np.log(a) / x[0]], axis=1)


@_problem("box-3d", "box", "box-three-dimensional", "box3d", m=lambda n: 10)
class _Box3d:
    @staticmethod
    def r(x, n, m):
        t = 0.1 * np.arange(1, m + 1)
        return np.exp(-t * x[0]) - np.exp(-t * x[1]) - x[2] * (np.exp(-t) - np.exp(-10.0 * t))

    @staticmethod
    def j(x, n, m):
        t = 0.1 * np.arange(1, m + 1)
        return np.stack([-t * np.exp(-t * x[0]), t * np.exp(-t * x[1]),
                         -(np.exp(-t) - np.exp(-10.0 * t)) + 0 * x[0]], axis=1)


@_problem("powell-singular")
class _PowellSingular:
    @staticmethod
    def r(x, n, m):
        return _ExtendedPowell.r(x, 4, 4)

    @staticmethod
    def j(x, n, m):
        return _ExtendedPowell.j(x, 4, 4)


@_problem("wood", m=lambda n: 6)
class _Wood:
    @staticmethod
    def r(x, n, m):
        a, b, c, d = x
        return np.array([10.0 * (b - a ** 2), 1.0 - a, math.sqrt(90.0) * (d - c ** 2), 1.0 - c,
                         math.sqrt(10.0) * (b + d - 2.0), (b - d) / math.sqrt(10.0)])

    @staticmethod
    def j(x, n, m):
        a, b, c, d = x
        z = 0 * a
        s90, s10 = math.sqrt(90.0), math.sqrt(10.0)
        return np.array([[-20.0 * a, 10.0 + z, z, z],
                         [-1.0 + z, z, z, z],
                         [z, z, -2.0 * s90 * c, s90 + z],
                         [z, z, -1.0 + z, z],
                         [z, s10 + z, z, s10 + z],
                         [z, 1.0 / s10 + z, z, -1.0 / s10 + z]])


_KO_Y = np.array([0.1957, 0.1947, 0.1735, 0.1600, 0.0844, 0.0627, 0.0456, 0.0342, 0.0323, 0.0235, 0.0246])
_KO_U = np.array([4.0, 2.0, 1.0, 0.5, 0.25, 0.167, 0.125, 0.1, 0.0833, 0.0714, 0.0625])


@_problem("kowalik-osborne", "kowalik-and-osborne", m=lambda n: 11)
class _KowalikOsborne:
    @staticmethod
    def r(x, n, m):
        u = _KO_U
        return _KO_Y - x[0] * (u ** 2 + u * x[1]) / (u ** 2 + u * x[2] + x[3])

    @staticmethod
    def j(x, n, m):
        u = _KO_U
        num = u ** 2 + u * x[1]
        den = u ** 2 + u * x[2] + x[3]
        return np.stack([-num / den, -x[0] * u / den, x[0] * num * u / den ** 2, x[0] * num / den ** 2], axis=1)


@_problem("brown-dennis", "brown-and-dennis", m=lambda n: 20)
class _BrownDennis:
    @staticmethod
    def r(x, n, m):
        t = np.arange(1, m + 1) / 5.0
        return (x[0] + t * x[1] - np.exp(t)) ** 2 + (x[2] + x[3] * np.sin(t) - np.cos(t)) ** 2

    @staticmethod
    def j(x, n, m):
        t = np.arange(1, m + 1) / 5.0
        a = 2.0 * (x[0] + t * x[1] - np.exp(t))
        b = 2.0 * (x[2] + x[3] * np.sin(t) - np.cos(t))
        return np.stack([a, a * t, b, b * np.sin(t)], axis=1)


_OSBORNE1_Y = np.array([0.844, 0.908, 0.932, 0.936, 0.925, 0.908, 0.881, 0.850, 0.818, 0.784, 0.751,
                        0.718, 0.685, 0.658, 0.628, 0.603, 0.580, 0.558, 0.538, 0.522, 0.506, 0.490,
                        0.478, 0.467, 0.457, 0.448, 0.438, 0.431, 0.424, 0.420, 0.414, 0.411, 0.406])


@_problem("osborne-1", "osborne1", m=lambda n: 33)
class _Osborne1:
    @staticmethod
    def r(x, n, m):
        t = 10.0 * np.arange(33)
        return _OSBORNE1_Y - (x[0] + x[1] * np.exp(-t * x[3]) + x[2] * np.exp(-t * x[4]))

    @staticmethod
    def j(x, n, m):
        t = 10.0 * np.arange(33)
        e4, e5 = np.exp(-t * x[3]), np.exp(-t * x[4])
        return np.stack([-np.ones(33) + 0 * x[0], -e4, -e5, x[1] * t * e4, x[2] * t * e5], axis=1)


@_problem("biggs-exp6", "biggs", "biggs-exp-6", m=lambda n: 13)
class _BiggsExp6:
    @staticmethod
    def r(x, n, m):
        t = 0.1 * np.arange(1, m + 1)
        y = np.exp(-t) - 5.0 * np.exp(-10.0 * t) + 3.0 * np.exp(-4.0 * t)
        return x[2] * np.exp(-t * x[0]) - x[3] * np.exp(-t * x[1]) + x[5] * np.exp(-t * x[4]) - y

    @staticmethod
    def j(x, n, m):
        t = 0.1 * np.arange(1, m + 1)
        e1, e2, e5 = np.exp(-t * x[0]), np.exp(-t * x[1]), np.exp(-t * x[4])
        return np.stack([-t * x[2] * e1, t * x[3] * e2, e1, -e2, -t * x[5] * e5, e5], axis=1)


_OSBORNE2_Y = np.array([
    1.366, 1.191, 1.112, 1.013, 0.991, 0.885, 0.831, 0.847, 0.786, 0.725, 0.746, 0.679, 0.608,
    0.655, 0.616, 0.606, 0.602, 0.626, 0.651, 0.724, 0.649, 0.649, 0.694, 0.644, 0.624, 0.661,
    0.612, 0.558, 0.533, 0.495, 0.500, 0.423, 0.395, 0.375, 0.372, 0.391, 0.396, 0.405, 0.428,
    0.429, 0.523, 0.562, 0.607, 0.653, 0.672, 0.708, 0.633, 0.668, 0.645, 0.632, 0.591, 0.559,
    0.597, 0.625, 0.739, 0.710, 0.729, 0.720, 0.636, 0.581, 0.428, 0.292, 0.162, 0.098, 0.054])


@_problem("osborne-2", "osborne2", m=lambda n: 65)
class _Osborne2:
    @staticmethod
    def r(x, n, m):
        t = np.arange(65) / 10.0
        model = (x[0] * np.exp(-t * x[4]) + x[1] * np.exp(-(t - x[8]) ** 2 * x[5])
                 + x[2] * np.exp(-(t - x[9]) ** 2 * x[6]) + x[3] * np.exp(-(t - x[10]) ** 2 * x[7]))
        return _OSBORNE2_Y - model

    @staticmethod
    def j(x, n, m):
        t = np.arange(65) / 10.0
        e0 = np.exp(-t * x[4])
        d = [t - x[8], t - x[9], t - x[10]]
        e = [np.exp(-d[k] ** 2 * x[5 + k]) for k in range(3)]
        cols = [-e0, -e[0], -e[1], -e[2], x[0] * t * e0]
        cols += [x[1 + k] * d[k] ** 2 * e[k] for k in range(3)]
        cols += [-2.0 * x[1 + k] * x[5 + k] * d[k] * e[k] for k in range(3)]
        return np.stack(cols, axis=1)


# ---------------------------------------------------------------------------------------------
# 20-35: variable dimension


@_problem("watson", m=lambda n: 31)
class _Watson:
    @staticmethod
    def r(x, n, m):
        t = np.arange(1, 30) / 29.0
        j = np.arange(n)
        powers = t[:, None] ** j[None, :]  # t^(j), j = 0..n-1
        s1 = powers[:, :n - 1] @ (j[1:] * x[1:])
        s2 = powers @ x
        return np.concatenate([s1 - s2 ** 2 - 1.0, [x[0], x[1] - x[0] ** 2 - 1.0]])

    @staticmethod
    def j(x, n, m):
        t = np.arange(1, 30) / 29.0
        j = np.arange(n)
        powers = t[:, None] ** j[None, :]
        s2 = powers @ x
        jac = np.zeros((31, n), dtype=_dtype(x))
        jac[:29, 1:] = j[1:] * powers[:, :n - 1]
        jac[:29, :] -= 2.0 * s2[:, None] * powers
        jac[29, 0] = 1.0
        jac[30, 0] = -2.0 * x[0]
        jac[30, 1] = 1.0
        return jac


@_problem("extended-rosenbrock")
class _ExtendedRosenbrock:
    @staticmethod
    def r(x, n, m):
        out = np.empty(n, dtype=_dtype(x))
        out[0::2] = 10.0 * (x[1::2] - x[0::2] ** 2)
        out[1::2] = 1.0 - x[0::2]
        return out

    @staticmethod
    def j(x, n, m):
        jac = np.zeros((n, n), dtype=_dtype(x))
        k = np.arange(0, n, 2)
        jac[k, k] = -20.0 * x[0::2]
        jac[k, k + 1] = 10.0
        jac[k + 1, k] = -1.0
        return jac


@_problem("extended-powell-singular", "extended-powell")
class _ExtendedPowell:
    @staticmethod
    def r(x, n, m):
        a, b, c, d = x[0::4], x[1::4], x[2::4], x[3::4]
        out = np.empty(n, dtype=_dtype(x))
        out[0::4] = a + 10.0 * b
        out[1::4] = math.sqrt(5.0) * (c - d)
        out[2::4] = (b - 2.0 * c) ** 2
        out[3::4] = math.sqrt(10.0) * (a - d) ** 2
        return out

    @staticmethod
    def j(x, n, m):
        a, b, c, d = x[0::4], x[1::4], x[2::4], x[3::4]
        jac = np.zeros((n, n), dtype=_dtype(x))
        k = np.arange(0, n, 4)
        s5, s10 = math.sqrt(5.0), math.sqrt(10.0)
        jac[k, k] = 1.0
        jac[k, k + 1] = 10.0
        jac[k + 1, k + 2] = s5
        jac[k + 1, k + 3] = -s5
        jac[k + 2, k + 1] = 2.0 * (b - 2.0 * c)
        jac[k + 2, k + 2] = -4.0 * (b - 2.0 * c)
        jac[k + 3, k] = 2.0 * s10 * (a - d)
        jac[k + 3, k + 3] = -2.0 * s10 * (a - d)
        return jac


@_problem("penalty-1", "penalty-i", "penalty1", m=lambda n: n + 1)
class _Penalty1:
    @staticmethod
    def r(x, n, m):
        return np.concatenate([math.sqrt(1e-5) * (x - 1.0), [x @ x - 0.25]])

    @staticmethod
    def j(x, n, m):
        return np.vstack([math.sqrt(1e-5) * np.eye(n), 2.0 * x[None, :]]).astype(_dtype(x))


@_problem("penalty-2", "penalty-ii", "penalty2", m=lambda n: 2 * n)
class _Penalty2:
    @staticmethod
    def r(x, n, m):
        sa = math.sqrt(1e-5)
        i = np.arange(2, n + 1)
        y = np.exp(i / 10.0) + np.exp((i - 1) / 10.0)
        e = np.exp(x / 10.0)
        w = np.arange(n, 0, -1)
        return np.concatenate([[x[0] - 0.2], sa * (e[1:] + e[:-1] - y), sa * (e[1:] - math.exp(-0.1)),
                               [w @ (x ** 2) - 1.0]])

    @staticmethod
    def j(x, n, m):
        sa = math.sqrt(1e-5)
        e = np.exp(x / 10.0) / 10.0
        jac = np.zeros((2 * n, n), dtype=_dtype(x))
        jac[0, 0] = 1.0
        k = np.arange(1, n)
        jac[k, k] = sa * e[1:]
        jac[k, k - 1] = sa * e[:-1]
        jac[n - 1 + k, k] = sa * e[1:]
        jac[2 * n - 1, :] = 2.0 * np.arange(n, 0, -1) * x
        return jac


@_problem("variably-dimensioned", "variably-dimensional", "variable-dimensioned", m=lambda n: n + 2)
class _VariablyDimensioned:
    @staticmethod
    def r(x, n, m):
        s = np.arange(1, n + 1) @ (x - 1.0)
        return np.concatenate([x - 1.0, [s, s ** 2]])

    @staticmethod
    def j(x, n, m):
        j = np.arange(1, n + 1)
        s = j @ (x - 1.0)
        return np.vstack([np.eye(n), j[None, :], 2.0 * s * j[None, :]]).astype(_dtype(x))


@_problem("trigonometric")
class _Trigonometric:
    @staticmethod
    def r(x, n, m):
        i = np.arange(1, n + 1)
        return n - np.sum(np.cos(x)) + i * (1.0 - np.cos(x)) - np.sin(x)

    @staticmethod
    def j(x, n, m):
        i = np.arange(1, n + 1)
        jac = np.tile(np.sin(x), (n, 1)).astype(_dtype(x))
        jac[np.arange(n), np.arange(n)] += i * np.sin(x) - np.cos(x)
        return jac


@_problem("brown-almost-linear")
class _BrownAlmostLinear:
    @staticmethod
    def r(x, n, m):
        return np.concatenate([x[:-1] + np.sum(x) - (n + 1.0), [np.prod(x) - 1.0]])

    @staticmethod
    def j(x, n, m):
        jac = np.ones((n, n), dtype=_dtype(x)) + np.eye(n)
        # d prod / dx_j = prod_{k != j} x_k, without dividing by x_j
        left = np.concatenate([[1.0], np.cumprod(x[:-1])])
        right = np.concatenate([np.cumprod(x[::-1][:-1])[::-1], [1.0]])
        jac[n - 1, :] = left * right
        return jac


def _grid(n):
    h = 1.0 / (n + 1)
    return h, h * np.arange(1, n + 1)


@_problem("discrete-boundary-value")
class _DiscreteBoundaryValue:
    @staticmethod
    def r(x, n, m):
        h, t = _grid(n)
        xp = np.concatenate([[0.0], x, [0.0]])
        return 2.0 * x - xp[:-2] - xp[2:] + h ** 2 * (x + t + 1.0) ** 3 / 2.0

    @staticmethod
    def j(x, n, m):
        h, t = _grid(n)
        jac = np.zeros((n, n), dtype=_dtype(x))
        k = np.arange(n)
        jac[k, k] = 2.0 + 1.5 * h ** 2 * (x + t + 1.0) ** 2
        jac[k[1:], k[1:] - 1] = -1.0
        jac[k[:-1], k[:-1] + 1] = -1.0
        return jac


@_problem("discrete-integral-equation")
class _DiscreteIntegralEquation:
    @staticmethod
    def r(x, n, m):
        h, t = _grid(n)
        c = (x + t + 1.0) ** 3
        lower = np.cumsum(t * c)  # sum_{j<=i} t_j c_j
        upper = np.concatenate([np.cumsum(((1.0 - t) * c)[::-1])[::-1][1:], [0.0]])  # sum_{j>i}
        return x + h * ((1.0 - t) * lower + t * upper) / 2.0

    @staticmethod
    def j(x, n, m):
        h, t = _grid(n)
        dc = 3.0 * (x + t + 1.0) ** 2
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        ti, tj = t[i], t[j]
        w = np.where(j <= i, (1.0 - ti) * tj, ti * (1.0 - tj))
        return np.eye(n) + h / 2.0 * w * dc[None, :]


@_problem("broyden-tridiagonal")
class _BroydenTridiagonal:
    @staticmethod
    def r(x, n, m):
        xp = np.concatenate([[0.0], x, [0.0]])
        return (3.0 - 2.0 * x) * x - xp[:-2] - 2.0 * xp[2:] + 1.0

    @staticmethod
    def j(x, n, m):
        jac = np.zeros((n, n), dtype=_dtype(x))
        k = np.arange(n)
        jac[k, k] = 3.0 - 4.0 * x
        jac[k[1:], k[1:] - 1] = -1.0
        jac[k[:-1], k[:-1] + 1] = -2.0
        return jac


def _banded_mask(n, ml=5, mu=1):
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    return ((j >= i - ml) & (j <= i + mu) & (j != i)).astype(float)


@_problem("broyden-banded")
class _BroydenBanded:
    @staticmethod
    def r(x, n, m):
        return x * (2.0 + 5.0 * x ** 2) + 1.0 - _banded_mask(n) @ (x * (1.0 + x))

    @staticmethod
    def j(x, n, m):
        jac = -_banded_mask(n) * (1.0 + 2.0 * x)[None, :]
        jac = jac.astype(_dtype(x))
        k = np.arange(n)
        jac[k, k] = 2.0 + 15.0 * x ** 2
        return jac


@_problem("linear-full-rank", m=lambda n: 2 * n)
class _LinearFullRank:
    @staticmethod
    def r(x, n, m):
        s = np.sum(x)
        out = np.full(m, -2.0 * s / m - 1.0, dtype=_dtype(x))
        out[:n] += x
        return out

    @staticmethod
    def j(x, n, m):
        jac = np.full((m, n), -2.0 / m, dtype=_dtype(x))
        jac[np.arange(n), np.arange(n)] += 1.0
        return jac


@_problem("linear-rank-1", "linear-rank1", "linear-rank-one", m=lambda n: 2 * n)
class _LinearRank1:
    @staticmethod
    def r(x, n, m):
        return np.arange(1, m + 1) * (np.arange(1, n + 1) @ x) - 1.0

    @staticmethod
    def j(x, n, m):
        return np.outer(np.arange(1, m + 1), np.arange(1, n + 1)).astype(_dtype(x))


@_problem("linear-rank-1-zero", "linear-rank-1-zero-columns-rows", "linear-rank-1-with-zero-columns-and-rows",
          "linear-rank1-zero", "linear-rank-one-zero", m=lambda n: 2 * n)
class _LinearRank1Zero:
    @staticmethod
    def _weights(n):
        w = np.arange(1, n + 1, dtype=float)
        w[0] = w[-1] = 0.0
        return w

    @staticmethod
    def r(x, n, m):
        rows = np.arange(m, dtype=float)  # i - 1 for i = 1..m
        rows[0] = rows[-1] = 0.0
        return rows * (_LinearRank1Zero._weights(n) @ x) - 1.0

    @staticmethod
    def j(x, n, m):
        rows = np.arange(m, dtype=float)
        rows[0] = rows[-1] = 0.0
        return np.outer(rows, _LinearRank1Zero._weights(n)).astype(_dtype(x))


@_problem("chebyquad")
class _Chebyquad:
    @staticmethod
    def _tables(x, m):
        """T_i(y) and T_i'(y) for y = 2x - 1, i = 1..m (shifted Chebyshev polynomials on [0, 1])."""
        y = 2.0 * x - 1.0
        t = [np.ones_like(y), y]
        dt = [np.zeros_like(y), np.ones_like(y)]
        for _ in range(2, m + 1):
            t.append(2.0 * y * t[-1] - t[-2])
            dt.append(2.0 * t[-2] + 2.0 * y * dt[-1] - dt[-2])
        return np.array(t[1:m + 1]), np.array(dt[1:m + 1])

    @staticmethod
    def r(x, n, m):
        t, _ = _Chebyquad._tables(x, m)
        i = np.arange(1, m + 1)
        integral = np.where(i % 2 == 0, -1.0 / np.maximum(i * i - 1.0, 1.0), 0.0)
        return t.mean(axis=1) - integral

    @staticmethod
    def j(x, n, m):
        _, dt = _Chebyquad._tables(x, m)
        return 2.0 * dt / n


_CANONICAL = {_canonical(k): v for k, v in _REGISTRY.items()}


# ---------------------------------------------------------------------------------------------
# Self-test: every analytic Jacobian against a complex-step Jacobian (python3 mgh.py).

_STARTS = {
    "rosenbrock": [-1.2, 1.0], "freudenstein-roth": [0.5, -2.0], "powell-badly-scaled": [0.0, 1.0],
    "brown-badly-scaled": [1.0, 1.0], "beale": [1.0, 1.0], "jennrich-sampson": [0.3, 0.4],
    "helical-valley": [-1.0, 0.0, 0.0], "bard": [1.0, 1.0, 1.0], "gaussian": [0.4, 1.0, 0.0],
    "meyer": [0.02, 4000.0, 250.0], "gulf-research": [5.0, 2.5, 0.15], "box-3d": [0.0, 10.0, 20.0],
    "powell-singular": [3.0, -1.0, 0.0, 1.0], "wood": [-3.0, -1.0, -3.0, -1.0],
    "kowalik-osborne": [0.25, 0.39, 0.415, 0.39], "brown-dennis": [25.0, 5.0, -5.0, -1.0],
    "osborne-1": [0.5, 1.5, -1.0, 0.01, 0.02], "biggs-exp6": [1.0, 2.0, 1.0, 1.0, 1.0, 1.0],
    "osborne-2": [1.3, 0.65, 0.65, 0.7, 0.6, 3.0, 5.0, 7.0, 2.0, 4.5, 5.5],
}


def _self_test():
    rng = np.random.default_rng(1)
    worst, seen = 0.0, set()
    for name in _REGISTRY:  # registration order: the first name of each problem
        if _REGISTRY[name] in seen:
            continue
        seen.add(_REGISTRY[name])
        n = len(_STARTS.get(name, [])) or 8
        x = np.asarray(_STARTS.get(name, 0.3 + 0.1 * rng.standard_normal(n)), dtype=float)
        x = x + 0.05 * rng.standard_normal(n)
        p = get(name, n)
        jac = p.jacobian(x)
        h = 1e-20
        cs = np.stack([np.imag(p.residuals(x + 1j * h * e)) / h for e in np.eye(n)], axis=1)
        err = np.max(np.abs(jac - cs)) / max(1.0, np.max(np.abs(cs)))
        v = rng.standard_normal(n)
        hv_fd = (p.gradient(x + 1e-6 * v) - p.gradient(x - 1e-6 * v)) / 2e-6
        hv_err = np.max(np.abs(p.hessp(x, v) - hv_fd)) / max(1.0, np.max(np.abs(hv_fd)))
        worst = max(worst, err)
        flag = "" if err < 1e-12 and hv_err < 1e-5 else "   <-- MISMATCH"
        print(f"{name:28s} n={n:2d} m={p.m:3d} jacobian {err:.1e} hessp {hv_err:.1e}{flag}")
    return worst


if __name__ == "__main__":
    raise SystemExit(0 if _self_test() < 1e-12 else 1)
