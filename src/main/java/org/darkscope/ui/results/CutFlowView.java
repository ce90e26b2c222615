package org.darkscope.ui.results;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.darkscope.session.report.CutFlowTableModel;

/** The cut flow table (rows: cuts; columns: data, signal per mass, background MC per run). */
public final class CutFlowView extends TableView<List<String>> {
    private CutFlowTableModel model = CutFlowTableModel.empty();

    public CutFlowView(ResultsViewModel vm) {
        setId("cutFlowTable");
        setColumnResizePolicy(UNCONSTRAINED_RESIZE_POLICY);
        setPlaceholder(new javafx.scene.control.Label("Open a run to see the cut flow."));
        vm.cutFlowProperty().addListener((o, a, m) -> show(m));
        show(vm.cutFlowProperty().get());
    }

    public CutFlowTableModel model() {
        return model;
    }

    private void show(CutFlowTableModel m) {
        boolean sameHeader = m.header().equals(model.header());
        model = m;
        if (!sameHeader) {
            getColumns().clear();
            for (int i = 0; i < m.header().size(); i++) {
                final int col = i;
                TableColumn<List<String>, String> c =
                        new TableColumn<>(m.header().get(i));
                c.setSortable(false);
                c.setPrefWidth(i == 0 ? 150 : 140);
                c.setCellValueFactory(f -> new ReadOnlyStringWrapper(
                        col < f.getValue().size() ? f.getValue().get(col) : ""));
                if (i > 0) {
                    c.setStyle("-fx-alignment: CENTER-RIGHT;");
                }
                getColumns().add(c);
            }
        }
        List<List<String>> rows = m.rows();
        for (int i = 0; i < Math.min(rows.size(), getItems().size()); i++) {
            if (!rows.get(i).equals(getItems().get(i))) {
                getItems().set(i, rows.get(i));
            }
        }
        if (rows.size() < getItems().size()) {
            getItems().remove(rows.size(), getItems().size());
        } else if (rows.size() > getItems().size()) {
            getItems().addAll(rows.subList(getItems().size(), rows.size()));
        }
        // columns as wide as their text, full text on hover, "–" for NaN (cells made once per set of columns)
        if (!sameHeader) {
            org.darkscope.ui.table.TableColumns.readableCells(this);
        }
        org.darkscope.ui.table.TableColumns.fitToContent(this);
    }
}
