package org.darkscope.ui.display;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.darkscope.event.EventClass;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/** Key numbers of the shown event as label rows (ids "summary-KEY" for tests). */
public final class EventSummaryPanel extends GridPane {
    private final Map<String, Label> values = new LinkedHashMap<>();

    public EventSummaryPanel() {
        setHgap(10);
        setVgap(3);
        setPadding(new Insets(6));
        row("event", "run / event");
        row("ecal", "E_ECAL [GeV]");
        row("ecalparts", "  preshower / main");
        row("hcal", "E_HCAL [GeV]");
        row("hcalmods", "  per module");
        row("p", "p [GeV], angle");
        row("srd", "SRD [MeV]");
        row("veto", "VETO max [MIP]");
        row("shape", "shape, HCAL R");
        row("class", "truth class");
        row("region", "region");
        row("cuts", "fails cuts");
        row("badvalues", "bad values (run)");
    }

    /** The run-level rows: how many NaN, infinite and negative energies each column of the run holds. */
    public void showRun(RunData run) {
        set("badvalues", badValues(run));
    }

    /** "none" or, per column, "ecal: 3 NaN, 1 +Inf; hcal: 2 negative" (as {@code darkscope info} counts them). */
    static String badValues(RunData run) {
        if (run.valueCounts().isEmpty()) {
            return "none (no NaN, no \u00B1Inf, no negative energy)";
        }
        StringBuilder sb = new StringBuilder();
        run.valueCounts().forEach((col, k) -> {
            List<String> parts = new java.util.ArrayList<>();
            if (k.nan() > 0) {
                parts.add(k.nan() + " NaN");
            }
            if (k.posInf() > 0) {
                parts.add(k.posInf() + " +Inf");
            }
            if (k.negInf() > 0) {
                parts.add(k.negInf() + " -Inf");
            }
            if (k.negative() > 0) {
                parts.add(k.negative() + " negative");
            }
            sb.append(sb.length() == 0 ? "" : "; ").append(col).append(": ").append(String.join(", ", parts));
        });
        return sb.toString();
    }

    private void row(String key, String title) {
        int r = values.size();
        Label t = new Label(title);
        t.setStyle("-fx-text-fill: #a0a4b0;");
        // the quantity's name in full ("VETO max [MIP]", not "VETO max [..."); the value column wraps
        t.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label("-");
        v.setId("summary-" + key);
        v.setWrapText(true);
        v.setMaxWidth(300);
        add(t, 0, r);
        add(v, 1, r);
        values.put(key, v);
    }

    /** Shows one event; {@code failingCuts} null means no selection was evaluated for it. */
    public void show(RunData run, int e, String region, List<String> failingCuts) {
        double beam = run.info().beamEnergy();
        set(
                "event",
                run.column(Schema.RUN).getInt(e) + " / "
                        + run.column(Schema.EVENT).getInt(e) + "  (row " + e + " of " + run.size() + ")");
        set("ecal", f(run.value(Schema.ECAL, e)));
        set("ecalparts", f(run.value(Schema.ECAL_PRE, e)) + " / " + f(run.value(Schema.ECAL_MAIN, e)));
        set(
                "hcal",
                f(run.value(Schema.HCAL, e))
                        + String.format("   (E_ECAL + E_HCAL = %.2f of %.0f)", run.value(Schema.E_TOTAL, e), beam));
        StringBuilder mods = new StringBuilder();
        for (int m = 0; m < run.detector().hcalModules().size(); m++) {
            mods.append(m == 0 ? "" : " / ").append(f(run.value(Schema.hcalModule(m), e)));
        }
        set("hcalmods", mods.toString());
        set(
                "p",
                String.format(
                        "%.2f, %.2f mrad, %d straw hits",
                        run.value(Schema.P, e), run.value(Schema.ANGLE, e), (int) run.value(Schema.STRAW_HITS, e)));
        StringBuilder srd = new StringBuilder();
        for (int i = 0; i < run.detector().srdCellCount(); i++) {
            srd.append(i == 0 ? "" : " / ").append(String.format("%.1f", run.value(Schema.srd(i), e)));
        }
        set("srd", srd + String.format("  (sum %.1f)", run.value(Schema.SRD_SUM, e)));
        set("veto", String.format("%.2f", run.value(Schema.VETO_MAX, e)));
        set("shape", String.format("%.3f, %.3f", run.value(Schema.ECAL_SHAPE, e), run.value(Schema.HCAL_R, e)));
        EventClass c = run.truthClass(e);
        boolean pile = run.column(Schema.TRUTH_PILEUP).getInt(e) != 0;
        String truth = c.label() + (pile ? " + pile-up" : "");
        if (c.isSignal()) {
            truth += String.format(
                    " (E_A' = %.1f GeV at z = %.0f mm)", run.value(Schema.TRUTH_EA, e), run.value(Schema.TRUTH_Z, e));
        }
        set("class", run.info().simulated() ? truth : "data (no truth)");
        set("region", region == null || region.isEmpty() ? "-" : region);
        set(
                "cuts",
                failingCuts == null
                        ? "not evaluated"
                        : failingCuts.isEmpty() ? "none" : String.join(", ", failingCuts));
    }

    private static String f(double v) {
        return String.format("%.2f", v);
    }

    private void set(String key, String text) {
        values.get(key).setText(text);
    }

    /** Text shown in a row, for tests and snapshots. */
    public String text(String key) {
        return values.get(key).getText();
    }
}
