package org.darkscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.darkscope.analysis.Variable;
import org.darkscope.report.Figure;
import org.darkscope.report.FigureFiles;
import org.darkscope.report.Figures;

/**
 * Not a test: writes every figure of the sample runs in PNG, SVG and PDF at one size, to look at.
 * {@code java -cp <test class path> org.darkscope.cli.FigureGallery OUTDIR [WxH] [RUN.parquet ...]}
 */
public final class FigureGallery {
    private FigureGallery() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        int[] wh = FigureFiles.parseSize(args.length > 1 ? args[1] : "3840x2160");
        List<Path> runs = args.length > 2
                ? java.util.Arrays.stream(args).skip(2).map(Path::of).toList()
                : List.of(
                        Path.of("sample-runs/physics.parquet"),
                        Path.of("sample-runs/signal-brem-225mev.parquet"),
                        Path.of("sample-runs/signal-annihilation-225mev.parquet"),
                        Path.of("sample-runs/signal-brem-20mev.parquet"));
        try (PlotCommand.Inputs in = PlotCommand.Inputs.load(runs, List.of(), null)) {
            var r = in.result;
            java.util.Map<String, Figure> figs = new java.util.LinkedHashMap<>();
            figs.put("plane", Figures.plane(r, in.firstData(), true));
            figs.put("cutflow", Figures.cutFlow(r));
            figs.put(
                    "nminus1",
                    Figures.nMinusOne(r, r.selection().enabledCuts().get(0).name()));
            figs.put("distribution", PlotCommand.distribution(in, Variable.ECAL));
            figs.put("fitsC", Figures.fits(r, true));
            figs.put("fitsA", Figures.fits(r, false));
            figs.put(
                    "exclusion",
                    Figures.exclusion(
                            PlotCommand.exclusionPoints(r), r.selection().blinded(), false, null, null));
            figs.put(
                    "exclusionY",
                    Figures.exclusion(
                            PlotCommand.exclusionPoints(r), r.selection().blinded(), true, null, null));
            for (var e : figs.entrySet()) {
                for (String ext : List.of("png", "svg", "pdf")) {
                    FigureFiles.write(e.getValue(), dir.resolve(e.getKey() + "." + ext), wh[0], wh[1]);
                }
            }
        }
    }
}
