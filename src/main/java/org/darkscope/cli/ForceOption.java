package org.darkscope.cli;

import java.nio.file.Path;
import java.util.List;
import org.darkscope.io.OutputFiles;
import picocli.CommandLine.Option;

/**
 * {@code --force}, the same in every command that writes one output file which must not silently
 * destroy an existing one ({@code export}, {@code simulate}; mixed in with {@code @Mixin}): without it
 * an existing output is refused before anything is computed.
 */
final class ForceOption {
    @Option(names = "--force", description = "replace the output file if it exists (an input file is never replaced)")
    boolean force;

    /** {@link OutputFiles#check} with this flag: refuses an input, an existing file without --force, an unwritable place. */
    void check(Path out, List<Path> inputs) throws OutputFiles.RefusedException {
        OutputFiles.check(out, force, inputs);
    }
}
