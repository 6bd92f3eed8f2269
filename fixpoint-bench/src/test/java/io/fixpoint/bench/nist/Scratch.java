package io.fixpoint.bench.nist;

import io.fixpoint.leastsquares.LeastSquaresSolvers;
import io.fixpoint.solve.Solution;

public class Scratch {
    public static void main(String[] a) {
        for (String method : a[0].split(",")) {
        for (String name : NistDataset.BUILT_IN) {
            NistDataset d = NistDataset.builtIn(name);
            for (int st = 1; st <= 2; st++) {
                Solution s = LeastSquaresSolvers.driver().solve(LeastSquaresSolvers.byName(method), d.problem(), d.start(st));
                double min = 99;
                for (int j = 0; j < d.certified().length; j++) min = Math.min(min, Lre.of(s.x()[j], d.certified()[j]));
                System.out.printf("%-12s %-9s %d %-10s it=%4d minLRE=%5.1f rssLRE=%5.1f %s%n", method, name, st, s.status(), s.iterations(), min,
                        Lre.of(2 * s.value(), d.certifiedRss()), s.message());
            }
        }
        }
    }
}
