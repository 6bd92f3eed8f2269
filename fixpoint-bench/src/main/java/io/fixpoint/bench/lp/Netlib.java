package io.fixpoint.bench.lp;

import io.fixpoint.lp.MpsModel;
import io.fixpoint.lp.MpsReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Netlib LP models shipped in the jar (gzipped MPS; provenance in {@code netlib/README.md} beside
 * them), smallest first by file size.
 */
public final class Netlib {
    private static final String DIR = "/io/fixpoint/bench/lp/netlib/";

    /** Every shipped model. */
    public static final List<String> ALL = List.of("afiro", "sc50a", "blend", "sc205", "scagr7", "stocfor1", "share2b",
            "recipe", "lotfi", "vtpbase", "boeing2", "scsd1", "israel", "scagr25", "brandy", "sctap1", "capri",
            "standata", "e226", "etamacro", "tuff", "scrs8", "standmps", "finnis", "bandm", "agg", "modszk1",
            "gfrd-pnc", "boeing1", "ship04s", "stair", "agg3", "bnl1", "scfxm2", "seba", "grow7", "ganges", "shell",
            "sctap3", "scsd8", "scfxm3", "pilot4", "fit1d", "ship12s", "czprob", "25fv47", "ship08l", "pilotnov",
            "nesm", "ship12l", "degen2", "degen3", "woodw", "80bau3b", "greenbeb", "grow15", "d2q06c", "pilot",
            "fit2p", "fit2d", "maros-r7");

    /** The quick subset: small models every solver should handle in seconds. */
    public static final List<String> QUICK = List.of("afiro", "sc50a", "blend", "sc205", "scagr7", "stocfor1", "share2b",
            "recipe", "lotfi", "vtpbase", "boeing2", "israel", "scagr25", "brandy", "sctap1", "capri");

    private Netlib() {
    }

    /** Reads the model called {@code name}. */
    public static MpsModel load(String name) {
        try (InputStream in = Netlib.class.getResourceAsStream(DIR + name + ".mps.gz")) {
            if (in == null) {
                throw new IllegalArgumentException("unknown Netlib model '" + name + "'; known: " + String.join(", ", ALL));
            }
            return MpsReader.read(in, name + ".mps.gz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
