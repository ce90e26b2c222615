package org.darkscope.ui.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Columns fit their text, the full text is on hover, NaN reads "–". */
class TableColumnsTest extends FxTestBase {
    private static final String LONG = "0.4274  [0.4224, 0.4324] 68% clopper-pearson (4274/10000)";
    private final TableView<List<String>> table = new TableView<>();

    @Start
    void start(Stage stage) {
        for (int i = 0; i < 2; i++) {
            final int k = i;
            TableColumn<List<String>, String> c = new TableColumn<>(i == 0 ? "quantity" : "value");
            c.setCellValueFactory(f -> new ReadOnlyStringWrapper(f.getValue().get(k)));
            table.getColumns().add(c);
        }
        table.getItems().addAll(List.of("efficiency", LONG), List.of("fit probability", "NaN"));
        TableColumns.readable(table);
        stage.setScene(new Scene(table, 900, 300));
        stage.show();
    }

    @Test
    void longTextFitsAndNanReadsAsADash(FxRobot robot) {
        Text probe = new Text(LONG);
        assertTrue(
                table.getColumns().get(1).getPrefWidth()
                        >= probe.getLayoutBounds().getWidth(),
                "column " + table.getColumns().get(1).getPrefWidth() + " for text "
                        + probe.getLayoutBounds().getWidth());
        List<String> shown = robot.lookup(".table-cell").queryAll().stream()
                .map(n -> ((TableCell<?, ?>) n).getText())
                .filter(t -> t != null && !t.isEmpty())
                .toList();
        assertTrue(shown.contains(LONG), shown.toString());
        assertTrue(shown.contains("–"), shown.toString());
        assertTrue(shown.stream().noneMatch(s -> s.contains("NaN")), shown.toString());
        TableCell<?, ?> cell = robot.lookup(".table-cell").queryAll().stream()
                .map(n -> (TableCell<?, ?>) n)
                .filter(c -> LONG.equals(c.getText()))
                .findFirst()
                .orElseThrow();
        assertEquals(LONG, cell.getTooltip().getText());
    }

    @Test
    void cleanReplacesNanInsideText() {
        assertEquals("– ± –", TableColumns.clean("NaN ± NaN"));
        assertEquals("NaNometer", TableColumns.clean("NaNometer"));
    }
}
