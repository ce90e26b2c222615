package org.darkscope.ui.table;

import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * Makes a table of text rows readable: every column as wide as its header and cells (up to a
 * maximum), the full text of a cell on hover, and "–" instead of a raw NaN.
 */
public final class TableColumns {
    /** Widest a column gets from its content (px); longer text is elided, its tooltip has it all. */
    public static final double MAX_WIDTH = 460;

    private static final double PADDING = 26;
    private static final Pattern NAN = Pattern.compile("\\bNaN\\b");

    private TableColumns() {}

    /** The text a cell shows: "–" for NaN (alone or inside the text). */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        return NAN.matcher(s).replaceAll("–");
    }

    /** Installs readable cells on every column (call once after the columns are made). */
    public static void readableCells(TableView<List<String>> table) {
        for (TableColumn<List<String>, ?> c : table.getColumns()) {
            @SuppressWarnings("unchecked")
            TableColumn<List<String>, String> col = (TableColumn<List<String>, String>) c;
            col.setCellFactory(x -> new TableCell<>() {
                private final Tooltip tip = new Tooltip();

                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    if (empty || item == null) {
                        setText(null);
                        setTooltip(null);
                    } else {
                        String t = clean(item);
                        setText(t);
                        if (t.isEmpty()) {
                            setTooltip(null);
                        } else {
                            tip.setText(t.equals("–") && !item.equals("–") ? "not computed (" + item + ")" : t);
                            setTooltip(tip);
                        }
                    }
                }
            });
        }
    }

    /** Sets every column's width to fit its header and cells (capped at {@link #MAX_WIDTH}). */
    public static void fitToContent(TableView<List<String>> table) {
        Text probe = new Text();
        List<TableColumn<List<String>, ?>> cols = table.getColumns();
        for (int i = 0; i < cols.size(); i++) {
            probe.setText(cols.get(i).getText());
            double w = probe.getLayoutBounds().getWidth();
            for (List<String> row : table.getItems()) {
                if (i < row.size()) {
                    probe.setText(clean(row.get(i)));
                    w = Math.max(w, probe.getLayoutBounds().getWidth());
                }
            }
            cols.get(i).setPrefWidth(Math.min(MAX_WIDTH, Math.ceil(w + PADDING)));
        }
    }

    /** Both: readable cells and widths to fit. */
    public static void readable(TableView<List<String>> table) {
        readableCells(table);
        fitToContent(table);
    }
}
