package org.darkscope.ui.cuts;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SelectionIo;
import org.darkscope.event.RunData;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.testsupport.FxTestBase;
import org.darkscope.testsupport.RunFixtures;
import org.darkscope.ui.Workbench;
import org.darkscope.ui.shell.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cut panel as a user drives it: type or drag a cut, Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y, impossible
 * input refused with the box fields' red border, presets over tuned cuts, a saved modified selection
 * reopened, and the Unblind question answered by a stray Enter.
 */
class CutPanelUndoTest extends FxTestBase {
    private static final RunData DATA = RunFixtures.random(3_000, 11);
    private Workbench wb;

    @TempDir
    Path dir;

    /**
     * The first window of the JVM evaluates the run on the FX thread while classes load and the JIT
     * starts: on a loaded machine that exceeded TestFX's setup timeout, so warm the engine first.
     */
    @org.junit.jupiter.api.BeforeAll
    static void warmUp() {
        org.testfx.api.FxToolkit.toolkitContext().setSetupTimeoutInMillis(180_000);
        try (var e = new org.darkscope.analysis.AnalysisEngine(java.util.List.of(DATA))) {
            e.evaluate(Selection.published());
        }
    }

    @Start
    void start(Stage stage) {
        wb = workbench();
        MainViewModel model = wb.model();
        Scene scene = show(stage, wb.window(), 1250, 780);
        model.addRun(DATA, RunRole.DATA);
    }

    @AfterEach
    void tearDown() throws Exception {
        wb.close();
    }

    private TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private Session session() {
        return wb.model().session();
    }

    private void typeInto(FxRobot robot, String fieldId, String text) {
        TextField f = field(robot, fieldId);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void scrollTo(FxRobot robot, String cut) {
        robot.interact(() -> {
            Node row = wb.cutPanel().row(cut);
            javafx.scene.control.ScrollPane sp =
                    (javafx.scene.control.ScrollPane) wb.cutPanel().getCenter();
            double y = row.getBoundsInParent().getMinY();
            double h = ((javafx.scene.layout.Region) sp.getContent()).getHeight()
                    - sp.getViewportBounds().getHeight();
            sp.setVvalue(h <= 0 ? 0 : Math.min(1, y / h));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void typedCutIsUndoneAndRedoneWithTheKeyboard(FxRobot robot) {
        scrollTo(robot, "preshower");
        typeInto(robot, "#field-preshower-min", "1");
        assertEquals(1.0, session().selection().cut("preshower").min());
        assertEquals(
                "published, modified: preshower 1", wb.cutPanel().presetBox().getValue());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, session().selection().cut("preshower").min());
        assertEquals("0.5", field(robot, "#field-preshower-min").getText(), "the field shows the old value");
        assertEquals(
                0.5, robot.lookup("#slider-preshower-min").queryAs(Slider.class).getValue(), 1e-9, "and the slider");
        assertEquals("published", wb.cutPanel().presetBox().getValue());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1", field(robot, "#field-preshower-min").getText());
        assertEquals(
                1.0, robot.lookup("#slider-preshower-min").queryAs(Slider.class).getValue(), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.Y).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, session().selection().cut("preshower").min(), "Ctrl+Y redoes too");
    }

    @Test
    void aSliderDragIsOneUndoStep(FxRobot robot) {
        scrollTo(robot, "veto");
        Slider s = robot.lookup("#slider-veto-max").queryAs(Slider.class);
        Node thumb = s.lookup(".thumb");
        robot.drag(thumb).moveBy(15, 0).moveBy(15, 0).moveBy(15, 0).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        double moved = session().selection().cut("veto").max();
        assertTrue(moved > 0.6, "the drag moved the cut: " + moved);
        assertEquals(1, session().selection().history().size(), "one history entry for the whole drag");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0.5, session().selection().cut("veto").max(), "one Ctrl+Z undoes the whole drag");
        assertEquals(0.5, s.getValue(), 1e-9);
        assertEquals("0.5", field(robot, "#field-veto-max").getText());
    }

    @Test
    void minAboveMaxIsRefusedWithTheBoxFieldsRedBorderAndMessage(FxRobot robot) {
        Selection before = session().selection();
        scrollTo(robot, "momentum");
        typeInto(robot, "#field-momentum-min", "104");
        TextField f = field(robot, "#field-momentum-min");
        assertTrue(f.getStyle().contains("-fx-border-color: red"), f.getStyle());
        assertTrue(f.getStyleClass().contains(FieldError.INVALID));
        var msg = wb.cutPanel().row("momentum").errorLabel();
        assertTrue(msg.isVisible());
        assertEquals("min: min 104 is above max 103", msg.getText());
        assertEquals(msg.getText(), f.getTooltip().getText());
        assertEquals(before, session().selection(), "the selection did not change");
        // NaN and text likewise
        typeInto(robot, "#field-momentum-min", "NaN");
        assertTrue(msg.getText().contains("finite"), msg.getText());
        typeInto(robot, "#field-momentum-min", "abc");
        assertTrue(msg.getText().contains("not a number"), msg.getText());
        assertEquals(before, session().selection());
        // the box fields refuse in the same way (same component, same style)
        TextField box = field(robot, "#boxEcalField");
        robot.clickOn(box);
        robot.interact(box::selectAll);
        robot.write("abc").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(f.getStyle(), box.getStyle());
        assertTrue(box.getStyleClass().contains(FieldError.INVALID));
        // a good value clears the mark
        typeInto(robot, "#field-momentum-min", "98");
        assertFalse(f.getStyleClass().contains(FieldError.INVALID));
        assertFalse(msg.isVisible());
        assertEquals(98.0, session().selection().cut("momentum").min());
    }

    @Test
    void presetOverTunedCutsSaysWhatItReplacedAndIsUndone(FxRobot robot) {
        scrollTo(robot, "preshower");
        typeInto(robot, "#field-preshower-min", "1");
        robot.interact(() -> wb.cutPanel().presetBox().setValue("loose"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("loose", session().selection().name());
        String said = wb.cutPanel().messageLabel().getText();
        assertTrue(said.contains("replaced \"published, modified: preshower 1\""), said);
        assertTrue(
                wb.model().statusProperty().get().contains("replaced"),
                wb.model().statusProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, session().selection().cut("preshower").min());
        assertEquals(
                "published, modified: preshower 1", wb.cutPanel().presetBox().getValue());
    }

    @Test
    void reopenedModifiedSelectionIsNotCalledPublished(FxRobot robot) throws Exception {
        scrollTo(robot, "preshower");
        typeInto(robot, "#field-preshower-min", "1");
        Path f = dir.resolve("mine.json");
        robot.interact(() -> wb.saveSelection(f));
        assertEquals("published, modified: preshower 1", SelectionIo.read(f).name());
        robot.interact(() -> wb.cutPanel().presetBox().setValue("published"));
        assertEquals("published", wb.cutPanel().presetBox().getValue());
        robot.interact(() -> wb.loadSelection(f));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(
                "published, modified: preshower 1", wb.cutPanel().presetBox().getValue());
        assertEquals(1.0, session().selection().cut("preshower").min(), "showing the name applied no preset");
        assertTrue(wb.cutPanel().row("preshower").lookupAll(".check-box").stream()
                .anyMatch(n -> ((javafx.scene.control.CheckBox) n)
                        .getTooltip()
                        .getText()
                        .contains("> 1 GeV")));
    }

    @Test
    void enterInTheUnblindQuestionKeepsTheBoxBlinded(FxRobot robot) {
        assertTrue(session().isBlinded());
        robot.clickOn("Analysis").clickOn("#unblind");
        WaitForAsyncUtils.waitForFxEvents();
        Button cancel = robot.lookup("#unblindCancel").queryAs(Button.class);
        assertTrue(cancel.isDefaultButton(), "Cancel is the default button");
        assertFalse(robot.lookup("#unblindConfirm").queryAs(Button.class).isDefaultButton());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#unblindDialog").tryQuery().isEmpty(), "the dialog closed");
        assertTrue(session().isBlinded(), "a stray Enter did not unblind");
        // and the explicit button does
        robot.clickOn("Analysis").clickOn("#unblind");
        robot.clickOn("#unblindConfirm");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(session().isBlinded());
    }
}
