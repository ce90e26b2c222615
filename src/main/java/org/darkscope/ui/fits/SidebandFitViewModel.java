package org.darkscope.ui.fits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.SignalBox;
import org.darkscope.analysis.background.BackgroundEstimate;
import org.darkscope.analysis.background.BackgroundSummary;
import org.darkscope.analysis.background.ShapeFit;
import org.darkscope.report.SidebandSpectra;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;

/**
 * What the sideband-fit view shows, from each stage-2 result of the session: per sideband the
 * spectrum of selected events, the box edge, every accepted fit sampled over its fit range and over
 * its extrapolation under the box, the y range of the log axis, and the table of every fit. Spectra
 * and curves come from {@link SidebandSpectra}, the code {@code darkscope plot fits} draws with.
 * No toolkit is needed (JavaFX properties only).
 */
public final class SidebandFitViewModel {
    /** Lowest y shown on the log axis relative to the highest bin (the extrapolated tails fall steeply). */
    static final double Y_DYNAMIC_RANGE = 1e-4;
    /** Column headers of the fit table. */
    public static final List<String> COLUMNS =
            List.of("estimate", "family", "fit range [GeV]", "under the box", "stat", "fit prob.", "accepted", "note");

    /**
     * One sampled fit curve.
     *
     * @param name   legend text (empty for the extrapolations)
     * @param colour palette index (one per fitted family)
     */
    public record Curve(String name, int colour, double[] x, double[] y) {}

    /**
     * One sideband panel.
     *
     * @param edges          bin edges of the spectrum
     * @param counts         selected events per bin
     * @param boxEdge        the box edge the fits are extrapolated to
     * @param fits           accepted fits over their fit ranges
     * @param extrapolations the same fits over their extrapolation ranges
     * @param yLo            lower end of the log y axis
     * @param yHi            upper end of the log y axis
     */
    public record Panel(
            double[] edges,
            double[] counts,
            double boxEdge,
            List<Curve> fits,
            List<Curve> extrapolations,
            double yLo,
            double yHi) {}

    /** Both panels and the table rows (one per fit, plus the chosen value or the reason for none). */
    public record Fits(Panel sidebandC, Panel sidebandA, List<List<String>> rows) {}

    private final ReadOnlyObjectWrapper<Fits> fits = new ReadOnlyObjectWrapper<>(this, "fits");

    public SidebandFitViewModel(Session session) {
        session.addListener(new SessionListener() {
            @Override
            public void detailsChanged(Session s) {
                if (s.details() != null) {
                    fits.set(of(s.details()));
                }
            }
        });
        if (session.details() != null) {
            fits.set(of(session.details()));
        }
    }

    /** The fits of the latest stage-2 result; null before the first. */
    public ReadOnlyObjectProperty<Fits> fitsProperty() {
        return fits.getReadOnlyProperty();
    }

    public Fits fits() {
        return fits.get();
    }

    /** What the view shows for a result with its background estimate. */
    public static Fits of(AnalysisResult r) {
        BackgroundSummary b = r.background();
        return new Fits(
                panel(r, true, b.sidebandC()),
                panel(r, false, b.sidebandA()),
                rows(List.of(b.sidebandC(), b.sidebandA())));
    }

    /** The table: every fit of each estimate, then the chosen value (or the reason there is none). */
    static List<List<String>> rows(List<BackgroundEstimate> estimates) {
        List<List<String>> rows = new ArrayList<>();
        for (BackgroundEstimate e : estimates) {
            if (!e.available() && e.fits().isEmpty()) {
                rows.add(List.of(e.method(), "", "", "—", "", "", "", e.reason()));
            }
            for (ShapeFit f : e.fits()) {
                rows.add(List.of(
                        e.method(),
                        f.family(),
                        String.format(Locale.ROOT, "%.2f – %.2f", f.fitLo(), f.fitHi()),
                        String.format(Locale.ROOT, "%.3g", f.extrapolated()),
                        String.format(Locale.ROOT, "%.2g", f.statError()),
                        String.format(Locale.ROOT, "%.3f", f.fitProbability()),
                        f.accepted() ? "yes" : "no",
                        f.message()));
            }
            if (e.available()) {
                rows.add(List.of(
                        e.method(),
                        "chosen",
                        "",
                        String.format(Locale.ROOT, "%.3g", e.value()),
                        String.format(Locale.ROOT, "%.2g", e.statError()),
                        "",
                        "",
                        String.format(Locale.ROOT, "syst %.2g (spread over functions and ranges)", e.systError())));
            }
        }
        return List.copyOf(rows);
    }

    private static Panel panel(AnalysisResult r, boolean sidebandC, BackgroundEstimate e) {
        SignalBox box = r.selection().box();
        double lo = SidebandSpectra.lo(box, sidebandC);
        double[] edges = SidebandSpectra.edges(lo, SidebandSpectra.hi(box, sidebandC));
        double[] counts = SidebandSpectra.spectrum(r, sidebandC);
        double width = edges[1] - edges[0];
        double top = 0;
        double bottom = Double.POSITIVE_INFINITY;
        for (double v : counts) {
            if (v > 0) {
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        List<Curve> fitted = new ArrayList<>();
        List<Curve> extrapolated = new ArrayList<>();
        for (ShapeFit f : e.fits()) {
            if (!f.accepted()) {
                continue;
            }
            int colour = f.shape().ordinal() + 1;
            double[][] fit = SidebandSpectra.curve(f, f.fitLo(), f.fitHi(), width);
            fitted.add(new Curve(fitSeriesName(f), colour, fit[0], fit[1]));
            double[][] ex = SidebandSpectra.curve(f, f.extrapolationLo(), f.extrapolationHi(), width);
            extrapolated.add(new Curve("", colour, ex[0], ex[1]));
            for (double v : fit[1]) {
                if (v > 0 && Double.isFinite(v)) {
                    top = Math.max(top, v);
                    bottom = Math.min(bottom, v);
                }
            }
        }
        // log y: down to where the extrapolations are still visible, not to a vanishing tail
        double yLo = top > 0 ? Math.max(top * Y_DYNAMIC_RANGE, Math.min(bottom, 1) / 3) : 0.3;
        double yHi = top > 0 ? top * 3 : 10;
        return new Panel(edges, counts, lo, List.copyOf(fitted), List.copyOf(extrapolated), yLo, yHi);
    }

    /** Legend text of the curve of one accepted fit: family and fit range. */
    public static String fitSeriesName(ShapeFit f) {
        return String.format(Locale.ROOT, "%s, fit %.3g–%.3g GeV", f.family(), f.fitLo(), f.fitHi());
    }
}
