package org.darkscope.ui.table;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.darkscope.event.ColumnDef;
import org.darkscope.event.EventClass;
import org.darkscope.event.EventView;
import org.darkscope.event.RunData;
import org.darkscope.event.Schema;

/**
 * The events of one run in a virtualised table: the rows are event indices ({@link IndexList}),
 * the cells read the run's primitive columns, so only the visible rows cost objects. Sorting reorders
 * the index array ({@link IndexSorter}); {@link #showIndices} shows a subset (e.g. the selected events).
 */
public final class EventTable {
    /** Columns shown, in order (class is the truth label for simulation). */
    public static final List<String> COLUMNS = List.of(
            Schema.RUN,
            Schema.EVENT,
            Schema.P,
            Schema.ECAL,
            Schema.HCAL,
            Schema.ECAL_PRE,
            Schema.ECAL_SHAPE,
            Schema.HCAL_R,
            Schema.SRD_SUM,
            Schema.VETO_MAX,
            Schema.TRUTH_CLASS);

    private final TableView<Integer> table = new TableView<>();
    private final IndexList rows = new IndexList();
    private final ReadOnlyObjectWrapper<EventView> selected = new ReadOnlyObjectWrapper<>(this, "selectedEvent");
    private RunData run;

    public EventTable() {
        table.setId("eventTable");
        table.setItems(rows);
        table.setPlaceholder(new javafx.scene.control.Label("No run open: File → Open run…"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setSortPolicy(t -> {
            sortBy(t.getSortOrder());
            return true;
        });
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((o, a, idx) -> selected.set(run == null || idx == null ? null : run.event(idx)));
    }

    public TableView<Integer> view() {
        return table;
    }

    /** The event of the selected row (null if none). */
    public ReadOnlyObjectProperty<EventView> selectedEventProperty() {
        return selected.getReadOnlyProperty();
    }

    public RunData run() {
        return run;
    }

    /** Shows every event of {@code r} (null clears the table). */
    public void setRun(RunData r) {
        this.run = r;
        table.getSortOrder().clear();
        table.getColumns().clear();
        if (r == null) {
            rows.setIndices(new int[0]);
            return;
        }
        Schema schema = r.schema();
        for (String name : COLUMNS) {
            if (r.has(name)) {
                table.getColumns().add(column(schema.column(name)));
            }
        }
        rows.setRange(r.size());
    }

    /** Shows every event of the run, in order (constant time: no index array). */
    public void showAll() {
        rows.setRange(run == null ? 0 : run.size());
        if (!table.getSortOrder().isEmpty()) {
            sortBy(table.getSortOrder());
        }
    }

    /** Shows only the given event indices (in this order). */
    public void showIndices(int[] indices) {
        rows.setIndices(indices);
        if (!table.getSortOrder().isEmpty()) {
            sortBy(table.getSortOrder());
        }
    }

    /** Number of rows shown. */
    public int rowCount() {
        return rows.size();
    }

    /** Event index shown at a row. */
    public int eventAt(int row) {
        return rows.indexAt(row);
    }

    /** Selects and scrolls to the row of an event, if shown. */
    public void select(int eventIndex) {
        int r = rows.rowOf(eventIndex);
        if (r >= 0) {
            table.getSelectionModel().clearAndSelect(r);
            table.scrollTo(Math.max(0, r - 3));
        }
    }

    private void sortBy(ObservableList<TableColumn<Integer, ?>> order) {
        if (run == null || order.isEmpty()) {
            return;
        }
        TableColumn<Integer, ?> c = order.get(0);
        String name = (String) c.getUserData();
        boolean asc = c.getSortType() == TableColumn.SortType.ASCENDING;
        long gen = ++sortGeneration;
        if (rows.size() <= SORT_IN_BACKGROUND_ABOVE) {
            rows.setIndices(IndexSorter.sort(run, name, rows.indices(), asc));
            return;
        }
        // a big run (issue 15): the index array is built and sorted on a worker, handed back to the FX thread
        RunData r = run;
        boolean range = rows.isRange();
        int[] current = range ? null : rows.indices();
        int n = rows.size();
        table.setPlaceholder(new javafx.scene.control.Label("sorting " + n + " events ..."));
        java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> IndexSorter.sort(r, name, range ? IndexList.range(n) : current, asc))
                .whenComplete((sorted, err) -> javafx.application.Platform.runLater(() -> {
                    if (gen == sortGeneration && run == r && sorted != null) {
                        rows.setIndices(sorted);
                    }
                }));
    }

    /** Tables longer than this sort on a worker thread. */
    static final int SORT_IN_BACKGROUND_ABOVE = 200_000;

    private long sortGeneration;

    private TableColumn<Integer, Object> column(ColumnDef def) {
        String title = def.name().equals(Schema.TRUTH_CLASS) ? "class" : def.label();
        TableColumn<Integer, Object> c = new TableColumn<>(title);
        c.setUserData(def.name());
        c.setId("col-" + def.name());
        String name = def.name();
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(cellText(name, f.getValue())));
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        // never narrower than its header (headers carry the unit, e.g. "track-angle [mrad]")
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        double header = Math.ceil(probe.getLayoutBounds().getWidth() + 26);
        c.setPrefWidth(Math.max(header, def.name().equals(Schema.TRUTH_CLASS) ? 120 : 105));
        return c;
    }

    /** The text a cell shows for one event and column. */
    public String cellText(String column, int event) {
        if (column.equals(Schema.TRUTH_CLASS)) {
            return EventClass.of(run.column(column).getInt(event)).label();
        }
        if (!run.has(column)) {
            return "";
        }
        org.darkscope.event.Column a = run.column(column);
        return switch (a.type()) {
                // a value the reconstruction did not compute reads "–", not "NaN"
            case FLOAT -> Float.isNaN(a.getFloat(event)) ? "–" : String.format(Locale.ROOT, "%.3f", a.getFloat(event));
            case INT -> Integer.toString(a.getInt(event));
            case LONG -> Long.toString(a.getLong(event));
        };
    }
}
