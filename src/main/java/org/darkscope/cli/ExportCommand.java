package org.darkscope.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.darkscope.event.RunData;
import org.darkscope.io.CsvExport;
import org.darkscope.io.RunFiles;
import org.darkscope.task.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code darkscope export RUN.parquet --csv OUT.csv}: the summary columns as CSV. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Writes a run's summary columns (one row per event, a header of column names) as CSV.")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN.parquet", description = "run file")
    Path file;

    @Option(
            names = "--csv",
            required = true,
            paramLabel = "OUT.csv",
            description = "CSV file to write (atomically; an existing file only with --force)")
    Path csv;

    @Option(names = "--cells", description = "also write the cell energies (the file can then be imported again)")
    boolean cells;

    @Mixin
    ForceOption force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        force.check(csv, List.of(file));
        RunData run = RunFiles.read(file, Progress.NONE);
        CsvExport.write(run, csv, cells, Progress.NONE);
        spec.commandLine()
                .getOut()
                .printf(
                        "wrote %d events x %d columns to %s%n",
                        run.size(),
                        run.schema().scalars().size() + (cells ? run.cells().cellCount() : 0),
                        csv);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
