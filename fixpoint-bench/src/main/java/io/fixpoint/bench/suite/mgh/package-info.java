/**
 * The Moré–Garbow–Hillstrom unconstrained test set (ACM TOMS 7(1):17–41, 1981): 35 sums of squares
 * f(x) = Σ r_i(x)², each a {@link io.fixpoint.bench.suite.mgh.SumOfSquares} with the standard start,
 * analytic Jacobian and analytic residual Hessians, so that f comes with its exact gradient and Hessian.
 *
 * <p>{@link io.fixpoint.bench.suite.mgh.Mgh#problems()} lists them in the paper's order at the usual
 * sizes (variable-size problems at n = 10, m = 20 for the linear ones, extended Powell at n = 12, Watson
 * at n = 6, chebyquad at n = 8, Gulf at m = 99), with the published minimum f*. Six-digit published
 * values are refined to double precision (Newton's method in 50-digit arithmetic); the paper truncates
 * them, so each refined value lies in [published, published + one unit in the sixth digit), which the
 * tests check together with f(x*) = f*, ∇f(x*) ≈ 0 and ∇²f(x*) ⪰ 0 at the recorded minimiser.
 *
 * <p>{@link io.fixpoint.bench.suite.mgh.Mgh#equationSystems()} gives the square problems that have a
 * root, for root finders started from the same points.
 */
package io.fixpoint.bench.suite.mgh;
