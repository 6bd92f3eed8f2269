package io.fixpoint.bench.suite.mgh;

import java.util.Arrays;
import java.util.List;

/**
 * The 35 problems of Moré, Garbow and Hillstrom, "Testing Unconstrained Optimization Software", ACM TOMS
 * 7(1):17–41 (1981), at their usual sizes, with the published minimum values f*.
 *
 * <p>Where the paper prints f* to six digits, {@link Entry#knownMinimum()} holds the value refined to
 * double precision: Newton's method on ∇f in 50-digit arithmetic, started from a least-squares
 * solution, converged to the point stored in {@link Entry#minimizer()}; the refined value rounds to
 * the published digits. The test suite checks both facts.
 */
public final class Mgh {
    private static final String PAPER = "Moré, Garbow & Hillstrom, ACM TOMS 7(1):17-41 (1981), problem ";

    private Mgh() {
    }

    /**
     * One problem of the set.
     *
     * @param number       its number in the paper, 1..35
     * @param function     the residuals with their derivatives, at the size used here
     * @param knownMinimum the minimum value f* (the global one where the paper gives several)
     * @param reference    where f* comes from, and how it was refined if it was
     * @param minimizer    a point where f* is attained, exact or to double precision; null if none is recorded
     */
    public record Entry(int number, SumOfSquares function, double knownMinimum, String reference, double[] minimizer) {

        public String name() {
            return function.name();
        }

        @Override
        public double[] minimizer() {
            return minimizer == null ? null : minimizer.clone();
        }
    }

    /** The 35 problems in the paper's order, freshly built. */
    public static List<Entry> problems() {
        return List.of(
            exact(1, new Rosenbrock(), 0, 1, 1),
            exact(2, new FreudensteinRoth(), 0, 5, 4),
            computed(3, new PowellBadlyScaled(), 0, 1.0981593296998175e-5, 9.106146739866524),
            exact(4, new BrownBadlyScaled(), 0, 1e6, 2e-6),
            exact(5, new Beale(), 0, 3, 0.5),
            refined(6, new JennrichSampson(), 124.36218235561485, "124.362",
                0.25782521367036408, 0.25782521367036408),
            exact(7, new HelicalValley(), 0, 1, 0, 0),
            refined(8, new Bard(), 8.2148773065789798e-3, "8.21487e-3",
                0.082410559749788983, 1.1330360920297225, 2.3436951786425364),
            refined(9, new Gaussian(), 1.1279327696190113e-8, "1.12793e-8",
                0.39895613783875668, 1.0000190844878057, 0),
            refined(10, new Meyer(), 87.945855170851121, "87.9458",
                0.0056096364710280525, 6181.3463462863723, 345.2236346241365),
            exact(11, new Gulf(), 0, 50, 25, 1.5),
            exact(12, new Box3d(), 0, 1, 10, 1),
            exact(13, new PowellSingular(), 0, 0, 0, 0, 0),
            exact(14, new Wood(), 0, 1, 1, 1, 1),
            refined(15, new KowalikOsborne(), 3.0750560384923778e-4, "3.07505e-4",
                0.19280693457903788, 0.19128232873436678, 0.12305650692632074, 0.13606233068379475),
            refined(16, new BrownDennis(), 85822.201626356340, "85822.2",
                -11.594439904762165, 13.203630051207204, -0.4034394881768595, 0.23677877445573625),
            refined(17, new Osborne1(), 5.4648946974829118e-5, "5.46489e-5",
                0.37541005210695195, 1.9358469127123558, -1.4646871366134115, 0.012867534640057266,
                0.02212269966167266),
            exact(18, new BiggsExp6(), 0, 1, 10, 1, 5, 4, 3),
            refined(19, new Osborne2(), 4.0137736293547758e-2, "4.01377e-2",
                1.3099771546273006, 0.43155379460298897, 0.63366169896072404, 0.59943053478591621,
                0.75418322632801139, 0.90428857985963366, 1.3658118352370279, 4.8236988172271574,
                2.3986848661317545, 4.5688745976676717, 5.6753414705806413),
            refined(20, new Watson(6), 2.2876700535524194e-3, "2.28767e-3 (n = 6)",
                -0.015725086401458355, 1.0124348693691098, -0.23299162595673739, 1.2604300877996075,
                -1.5137289227222786, 0.99299643243113424),
            exact(21, new ExtendedRosenbrock(10), 0, filled(10, 1)),
            exact(22, new ExtendedPowell(12), 0, filled(12, 0)),
            refined(23, new Penalty1(10), 7.0876514670903700e-5, "7.08765e-5 (n = 10)", filled(10, 0.15812230111311636)),
            refined(24, new Penalty2(10), 2.9366053745674597e-4, "2.93660e-4 (n = 10)",
                0.19998360519782362, 0.010350648471292297, 0.0196049344804384, 0.032089067220685649,
                0.049932677399641294, 0.0765139951539936, 0.11862407286950417, 0.19214487233557667,
                0.34732058694184363, 0.36916437415935082),
            exact(25, new VariablyDimensioned(10), 0, filled(10, 1)),
            exact(26, new Trigonometric(10), 0, filled(10, 0)),
            exact(27, new BrownAlmostLinear(10), 0, filled(10, 1)),
            computed(28, new DiscreteBoundaryValue(10), 0, BOUNDARY_VALUE_SOLUTION),
            computed(29, new DiscreteIntegralEquation(10), 0, BOUNDARY_VALUE_SOLUTION),
            computed(30, new BroydenTridiagonal(10), 0,
                -0.57072213201122479, -0.68180694998427509, -0.70221007601766003, -0.70551062989508039,
                -0.70490615572874367, -0.70149660702985113, -0.69188932235479825, -0.66579651440585375,
                -0.59603510902636571, -0.41641225752869335),
            computed(31, new BroydenBanded(10), 0,
                -0.42830286358725027, -0.47659642435629024, -0.51965246364686173, -0.5580993248321809,
                -0.59250615682945735, -0.62450368219946792, -0.62323947144059109, -0.6213938417965735,
                -0.62045359665908736, -0.58646927072043507),
            exact(32, new LinearFullRank(10, 20), 20 - 10, filled(10, -1)),
            exact(33, new LinearRank1(10, 20), 20.0 * 19 / (2 * 41), unit(10, 0, 3.0 / 41)),
            exact(34, new LinearRank1Zero(10, 20), (400.0 + 60 - 6) / (2 * 37), unit(10, 1, 3.0 / (37 * 2))),
            refined(35, new Chebyquad(8), 3.5168737256779300e-3, "3.51687e-3 (n = 8)",
                0.043152760151016628, 0.19309084038418611, 0.26632870689027293, 0.5, 0.5,
                0.73367129310972707, 0.80690915961581389, 0.95684723984898337));
    }

    /**
     * The square problems (m = n), read as systems of equations r(x) = 0, each with a root: the
     * MGH functions that a root finder can be tested on from the same standard starts. Chebyquad is
     * taken at n = 9, where the Chebyshev quadrature exists (at n = 8 it has no root).
     */
    public static List<SumOfSquares> equationSystems() {
        return List.of(
            new Rosenbrock(), new FreudensteinRoth(), new PowellBadlyScaled(), new HelicalValley(),
            new PowellSingular(), new ExtendedRosenbrock(10), new ExtendedPowell(12), new Trigonometric(10),
            new BrownAlmostLinear(10), new DiscreteBoundaryValue(10), new DiscreteIntegralEquation(10),
            new BroydenTridiagonal(10), new BroydenBanded(10), new Chebyquad(9));
    }

    // Both discretise u'' = (u + t + 1)³/2, u(0) = u(1) = 0, one by differences and one through its
    // Green's function; on the same grid their solutions coincide.
    private static final double[] BOUNDARY_VALUE_SOLUTION = {
        -0.043164982518764871, -0.081577156535386882, -0.11448571438052929, -0.14097357686259668,
        -0.15990869618198312, -0.16987720231277492, -0.16908998378120835, -0.15524953522183182,
        -0.12535589167893499, -0.075416533685892084};

    private static Entry exact(int number, SumOfSquares f, double fStar, double... xStar) {
        return new Entry(number, f, fStar, PAPER + "(" + number + "); minimiser in closed form", xStar);
    }

    private static Entry computed(int number, SumOfSquares f, double fStar, double... xStar) {
        return new Entry(number, f, fStar,
            PAPER + "(" + number + "); minimiser: a root computed in 40-digit arithmetic", xStar.clone());
    }

    private static Entry refined(int number, SumOfSquares f, double fStar, String published, double... xStar) {
        return new Entry(number, f, fStar, PAPER + "(" + number + ") gives " + published
            + " (6 digits); refined by Newton's method in 50-digit arithmetic", xStar);
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }

    private static double[] unit(int n, int j, double v) {
        double[] x = new double[n];
        x[j] = v;
        return x;
    }
}
