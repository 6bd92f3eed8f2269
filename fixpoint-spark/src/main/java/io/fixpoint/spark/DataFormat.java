package io.fixpoint.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The example files spark-fit reads: LIBSVM ({@link LibSvm}) and CSV with a header ({@link Csv}). */
public enum DataFormat {
    LIBSVM, CSV;

    /** The format called {@code name}, or, when it is null, the file's by its extension ({@code .csv}: CSV, anything else: LIBSVM). */
    public static DataFormat of(String name, Path file) {
        if (name == null) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : LIBSVM;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "libsvm" -> LIBSVM;
            case "csv" -> CSV;
            default -> throw new IllegalArgumentException("unknown data format '" + name + "'; known formats: libsvm, csv");
        };
    }

    /** The file's rows; {@code label} names a CSV file's label column (null: {@code label}), and is refused for LIBSVM, whose label is the first field. */
    public LibSvm.Data read(Path file, String label) throws IOException {
        if (this == LIBSVM) {
            if (label != null) {
                throw new IllegalArgumentException("--label names a CSV column; a LIBSVM line's label is its first field");
            }
            return LibSvm.read(file);
        }
        return Csv.read(file, label == null ? "label" : label);
    }
}
