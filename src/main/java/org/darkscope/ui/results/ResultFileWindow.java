package org.darkscope.ui.results;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.darkscope.analysis.AnalysisDefinition;
import org.darkscope.analysis.Histogram2D;
import org.darkscope.analysis.MergedResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RegionCounts;
import org.darkscope.analysis.SignalBox;
import org.darkscope.io.ResultFiles;
import org.darkscope.io.RunFileException;
import org.darkscope.session.report.ResultFileReport;
import org.darkscope.session.report.SummaryLine;
import org.darkscope.task.Progress;
import org.darkscope.ui.plane.BoxEdges;
import org.darkscope.ui.plane.EnergyPlaneView;
import org.darkscope.ui.plane.Grid2D;
import org.darkscope.ui.plane.PlaneRegion;
import org.darkscope.ui.plane.PlaneSnapshot;

/**
 * A result file (from the Spark job, docs/result-file-format.md) in its own window: the plane of the
 * runs shown as data with the signal overlay and the region counts, the results and the cut flow made
 * by the results panel's code ({@link ResultFileReport}: the same numbers as {@code darkscope result},
 * weighted background MC as Σw ± √Σw²). A result holds totals, not events: there is no event
 * table, no event display and no cut to change (the box edges are those of the result).
 */
public final class ResultFileWindow {
    private final Stage stage = new Stage();
    private final EnergyPlaneView plane = new EnergyPlaneView();
    private final TableView<SummaryLine> lines = new TableView<>();
    private final TableView<List<String>> cutFlow = new TableView<>();
    private final Label title = new Label("reading…");

    private ResultFileWindow(Window owner) {
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.getProperties().put(ResultFileWindow.class, this); // found by tests among the open windows
        lines.setId("resultFileLines");
        cutFlow.setId("resultFileCutFlow");
        title.setId("resultFileTitle");
        title.setPadding(new Insets(4, 6, 4, 6));
        lines.getColumns().add(column("quantity", 320, SummaryLine::label));
        lines.getColumns().add(column("value", 420, SummaryLine::value));
        lines.getColumns().add(column("warning", 300, SummaryLine::warning));
        Tab results = new Tab("Results", lines);
        Tab flow = new Tab("Cut flow", cutFlow);
        TabPane tabs = new TabPane(results, flow);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(plane, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        BorderPane root = new BorderPane(split);
        root.setId("resultFileWindow");
        root.setTop(title);
        stage.setScene(new Scene(root, 1100, 850));
    }

    private static <T> TableColumn<T, String> column(
            String name, double width, java.util.function.Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(x -> new ReadOnlyStringWrapper(f.apply(x.getValue())));
        return c;
    }

    /** A result file read and evaluated (background fits, limits), ready for {@link #show(Window, Path, Loaded)}. */
    public record Loaded(MergedResult result, ResultFileReport report) {}

    /**
     * Reads and evaluates a result file: slow work for a background task (the menu runs it on the
     * application's task executor with the status bar's progress and Cancel); returns null if cancelled.
     */
    public static Loaded read(Path file, Progress progress) throws RunFileException {
        progress.update(0, "reading " + file.getFileName());
        MergedResult r = ResultFiles.read(file);
        if (progress.isCancelled()) {
            return null;
        }
        progress.update(0.5, "fits and limits");
        ResultFileReport report = ResultFileReport.of(r, AnalysisDefinition.defaults());
        progress.update(1, null);
        return new Loaded(r, report);
    }

    /** Shows a result read by {@link #read} (on the UI thread). */
    public static ResultFileWindow show(Window owner, Path file, Loaded loaded) {
        ResultFileWindow w = new ResultFileWindow(owner);
        w.stage.setTitle("DarkScope result — " + file.getFileName());
        w.show(file, loaded.result(), loaded.report());
        w.stage.show();
        return w;
    }

    /** Shows a result already in memory (tests). */
    public static ResultFileWindow show(Window owner, Path file, MergedResult r) {
        ResultFileWindow w = new ResultFileWindow(owner);
        w.stage.setTitle("DarkScope result — " + file.getFileName());
        w.show(file, r, ResultFileReport.of(r, AnalysisDefinition.defaults()));
        w.stage.show();
        return w;
    }

    private void show(Path file, MergedResult r, ResultFileReport report) {
        long events = r.runs().stream().mapToLong(MergedResult.Run::events).sum();
        title.setText(String.format(
                Locale.ROOT,
                "%s: selection '%s'%s, %d runs, %,d events (totals only: no event views)",
                file.getFileName(),
                r.selection().name(),
                r.selection().blinded() ? " (blinded)" : "",
                r.runs().size(),
                events));
        lines.getItems().setAll(report.lines());
        cutFlow.getColumns().clear();
        for (int i = 0; i < report.header().size(); i++) {
            int col = i;
            cutFlow.getColumns()
                    .add(column(
                            report.header().get(i),
                            i == 0 ? 150 : 140,
                            (List<String> row) -> col < row.size() ? row.get(col) : ""));
        }
        cutFlow.getItems().setAll(report.rows());
        SignalBox box = r.selection().box();
        BoxEdges edges = new BoxEdges(box.ecalMax(), box.hcalMax(), box.ecalTriggerEdge(), box.hcalSidebandMax());
        RegionCounts rc = ResultFileReport.dataRegions(r);
        boolean blinded = ResultFileReport.data(r).stream().anyMatch(MergedResult.Run::boxHidden);
        Map<PlaneRegion, Long> counts = new EnumMap<>(PlaneRegion.class);
        counts.put(PlaneRegion.BOX, blinded ? PlaneSnapshot.HIDDEN : rc.count(Region.BOX));
        counts.put(PlaneRegion.A, rc.count(Region.A));
        counts.put(PlaneRegion.C, rc.count(Region.C));
        counts.put(PlaneRegion.D, rc.count(Region.D));
        plane.boxProperty().set(edges);
        // the result was made with these edges: moving them would show counts that do not belong to them
        plane.boxProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(edges)) {
                plane.boxProperty().set(edges);
            }
        });
        plane.setSnapshot(new PlaneSnapshot(
                grid(ResultFileReport.dataPlane(r)),
                null,
                grid(ResultFileReport.signalPlane(r)),
                edges,
                counts,
                blinded));
        lines.requestFocus(); // not the box edge field: a focused field does not show its edge
    }

    private static Grid2D grid(Histogram2D h) {
        if (h == null) {
            return null;
        }
        return new Grid2D(h.x().bins(), h.x().lo(), h.x().hi(), h.y().bins(), h.y().lo(), h.y().hi(), h.counts());
    }

    public Stage stage() {
        return stage;
    }

    public EnergyPlaneView plane() {
        return plane;
    }

    public TableView<SummaryLine> lines() {
        return lines;
    }

    public TableView<List<String>> cutFlow() {
        return cutFlow;
    }
}
