package io.fixpoint.cli;

import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Options that were given but do not apply are refused: an option ignored without a word misleads. */
final class Options {
    private Options() {
    }

    /**
     * Throws a {@link UserError} naming those of {@code options} the user gave, ending with {@code why}
     * (e.g. "without --bench").
     */
    static void refuse(CommandSpec spec, String why, String... options) {
        var parsed = spec.commandLine().getParseResult();
        List<String> given = Arrays.stream(options).filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new UserError(String.join(", ", given) + (given.size() == 1 ? " does" : " do") + " not apply " + why);
        }
    }
}
