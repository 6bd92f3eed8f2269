package io.fixpoint.bench.lp;

import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import io.fixpoint.lp.MpsModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code netlib/reference.csv}: each shipped model's size as Fixpoint reads it, the size OR-Tools
 * reads (an independent MPS reader), HiGHS's optimal objective and the published MINOS value where
 * Netlib's readme gives it. Run once when the model set changes:
 * {@code java -cp ... io.fixpoint.bench.lp.NetlibFixture fixpoint-bench/src/main/resources/io/fixpoint/bench/lp/netlib/reference.csv}.
 */
public final class NetlibFixture {
    /** Optimal values from Netlib's lp/data/readme (MINOS 5.3), for the models whose line we have. */
    static final Map<String, String> PUBLISHED = Map.ofEntries(Map.entry("25fv47", "5.5018458883E+03"),
            Map.entry("80bau3b", "9.8723216072E+05"), Map.entry("afiro", "-4.6475314286E+02"), Map.entry("agg", "-3.5991767287E+07"),
            Map.entry("agg3", "1.0312115935E+07"), Map.entry("bandm", "-1.5862801845E+02"), Map.entry("blend", "-3.0812149846E+01"),
            Map.entry("bnl1", "1.9776292856E+03"), Map.entry("boeing1", "-3.3521356751E+02"), Map.entry("boeing2", "-3.1501872802E+02"),
            Map.entry("brandy", "1.5185098965E+03"), Map.entry("capri", "2.6900129138E+03"), Map.entry("czprob", "2.1851966989E+06"),
            Map.entry("d2q06c", "1.2278423615E+05"), Map.entry("degen2", "-1.4351780000E+03"), Map.entry("degen3", "-9.8729400000E+02"),
            Map.entry("finnis", "1.7279096547E+05"), Map.entry("pilotnov", "-4.4972761882E+03"), Map.entry("scagr25", "-1.4753433061E+07"),
            Map.entry("standata", "1.2576995000E+03"));

    private NetlibFixture() {
    }

    public static void main(String[] args) throws Exception {
        Loader.loadNativeLibraries();
        StringBuilder sb = new StringBuilder("model,rows,columns,nonZeros,ortoolsRows,ortoolsColumns,highsOptimum,publishedOptimum\n");
        for (String name : Netlib.ALL) {
            MpsModel m = Netlib.load(name);
            ModelBuilder mb = new ModelBuilder();
            mb.importFromMpsString(LpRunner.netlibText(name));
            ModelSolver highs = new ModelSolver("highs");
            SolveStatus st = highs.solve(mb);
            String optimum = st == SolveStatus.OPTIMAL ? String.format(Locale.ROOT, "%.12e", m.objectiveInFileSense(highs.getObjectiveValue())) : st.name();
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%s,%s%n", name, m.program().constraints(), m.program().dimension(),
                    m.program().matrix().nonZeros(), mb.numConstraints(), mb.numVariables(), optimum, PUBLISHED.getOrDefault(name, "")));
        }
        Files.writeString(Path.of(args[0]), sb);
    }
}
