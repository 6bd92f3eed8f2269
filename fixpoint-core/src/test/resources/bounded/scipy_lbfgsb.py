"""Freezes SciPy's L-BFGS-B on the bound-constrained test problems of BoundedProblems.java.

For each problem it runs k iterations of scipy.optimize.minimize(method='L-BFGS-B', maxiter=k, gtol=0,
ftol=0, maxcor=10) from the standard start and writes the iterate x_k and the evaluation count, one
problem per line: name, k, nfev, x_k (tab-separated, %.17g). LbfgsbTest compares Fixpoint's iterates with
these. Run: python3 scipy_lbfgsb.py > scipy-lbfgsb.tsv
"""
import numpy as np
import scipy
from scipy.optimize import minimize

inf = np.inf
def rosen(x):
    t=x[1]-x[0]**2
    return 100*t*t+(1-x[0])**2, np.array([-400*x[0]*t-2*(1-x[0]), 200*t])
def hs3(x):
    return x[1]+1e-5*(x[1]-x[0])**2, np.array([-2e-5*(x[1]-x[0]), 1+2e-5*(x[1]-x[0])])
def hs4(x):
    return (x[0]+1)**3/3+x[1], np.array([(x[0]+1)**2, 1.0])
def hs5(x):
    c=np.cos(x[0]+x[1])
    return np.sin(x[0]+x[1])+(x[0]-x[1])**2-1.5*x[0]+2.5*x[1]+1, np.array([c+2*(x[0]-x[1])-1.5, c-2*(x[0]-x[1])+2.5])
def hs38(x):
    f=100*(x[1]-x[0]**2)**2+(1-x[0])**2+90*(x[3]-x[2]**2)**2+(1-x[2])**2+10.1*((x[1]-1)**2+(x[3]-1)**2)+19.8*(x[1]-1)*(x[3]-1)
    g=np.array([-400*x[0]*(x[1]-x[0]**2)-2*(1-x[0]), 200*(x[1]-x[0]**2)+20.2*(x[1]-1)+19.8*(x[3]-1),
       -360*x[2]*(x[3]-x[2]**2)-2*(1-x[2]), 180*(x[3]-x[2]**2)+20.2*(x[3]-1)+19.8*(x[1]-1)])
    return f,g
def hs45(x):
    p=np.prod(x)
    return 2-p/120, np.array([-np.prod(np.delete(x,i))/120 for i in range(5)])
def hs110(x):
    lp=np.sum(np.log(x)); p=np.exp(0.2*lp)
    f=np.sum(np.log(x-2)**2+np.log(10-x)**2)-p
    g=2*np.log(x-2)/(x-2)-2*np.log(10-x)/(10-x)-0.2*p/x
    return f,g

CASES = [("rosenbrock", rosen, [-1.2, 1], None, 20),
         ("hs1", rosen, [-2, 1], [(-inf, inf), (-1.5, inf)], 20),
         ("hs2", rosen, [-2, 1], [(-inf, inf), (1.5, inf)], 12),
         ("hs5", hs5, [0, 0], [(-1.5, 4), (-3, 3)], 6),
         ("hs38", hs38, [-3, -1, -3, -1], [(-10, 10)] * 4, 20),
         ("hs45", hs45, [2.0] * 5, [(0, i + 1) for i in range(5)], 3),
         ("hs110", hs110, [9.0] * 10, [(2.001, 9.999)] * 10, 4)]

if __name__ == "__main__":
    print(f"# SciPy {scipy.__version__}, NumPy {np.__version__}: name, iterations k, nfev, x_k")
    for name, f, x0, bounds, k in CASES:
        r = minimize(f, np.array(x0, float), jac=True, method="L-BFGS-B", bounds=bounds,
                     options=dict(gtol=0, ftol=0, maxiter=k, maxcor=10))
        assert r.nit == k, (name, r.nit, r.message)
        print("\t".join([name, str(k), str(r.nfev)] + ["%.17g" % v for v in r.x]))
