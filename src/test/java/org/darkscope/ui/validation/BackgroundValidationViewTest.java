package org.darkscope.ui.validation;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayDeque;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.background.BackgroundValidation;
import org.darkscope.analysis.background.CoverageStudy;
import org.darkscope.session.Session;
import org.darkscope.session.TaskExecutor;
import org.darkscope.sim.Mix;
import org.darkscope.task.Progress;
import org.darkscope.testsupport.FxTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The "Background check" tab: type a small study, press the button, read the table; cancel a running one. */
class BackgroundValidationViewTest extends FxTestBase {
    /** Runs queued work only when the test says so (to see the running state and cancel it). */
    static final class ManualExecutor implements TaskExecutor {
        final ArrayDeque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable work) {
            queue.add(work);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final Session session = new Session();
    private final ManualExecutor worker = new ManualExecutor();
    private BackgroundValidationView view;

    @Start
    void start(Stage stage) {
        session.setSelection(Selection.published());
        view = new BackgroundValidationView(new BackgroundValidationViewModel(session, worker, now));
        show(stage, view, 1100, 500);
    }

    private void type(FxRobot robot, String id, String text) {
        robot.clickOn(id);
        robot.interact(() ->
                robot.lookup(id).queryAs(javafx.scene.control.TextField.class).clear());
        robot.write(text);
    }

    @Test
    void smallStudyShowsOneRowPerMethodWithTheNumbersOfTheCommandLineCode(FxRobot robot) {
        type(robot, "#validationExperiments", "2");
        type(robot, "#validationEvents", "2000");
        type(robot, "#validationMcEvents", "4000");
        type(robot, "#validationSeed", "7");
        robot.clickOn("#validateBackground");
        assertTrue(robot.lookup("#validateBackground").queryAs(Button.class).isDisabled(), "running: the button waits");
        assertFalse(robot.lookup("#cancelValidation").queryAs(Button.class).isDisabled());
        robot.interact(worker::runAll);
        @SuppressWarnings("unchecked")
        TableView<BackgroundValidationViewModel.Row> table =
                robot.lookup("#validationTable").queryAs(TableView.class);
        List<BackgroundValidationViewModel.Row> rows = table.getItems();
        assertEquals(BackgroundValidation.METHODS.size(), rows.size());
        assertEquals("mc_transfer", rows.get(0).method());
        // the same study run directly (the code behind validate-background) gives the numbers on screen
        BackgroundValidation.Result direct = BackgroundValidation.run(
                new BackgroundValidation.Config(
                        2, 2000, 4000, Mix.PHYSICS, Mix.BACKGROUND_MC, 7, Selection.published(), true),
                Progress.NONE);
        CoverageStudy.MethodResult mc = direct.methods().get(0);
        assertEquals(mc.used() + " of 2", rows.get(0).used());
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.3g", mc.pullMean()),
                rows.get(0).pullMean());
        assertEquals(
                String.format(java.util.Locale.ROOT, "%.0f %%", 100 * mc.coverage()),
                rows.get(0).coverage());
        assertEquals("not met", rows.get(0).target(), "2 experiments can never meet a target that needs 50");
        assertEquals(
                1.0,
                robot.lookup("#validationProgress").queryAs(ProgressBar.class).getProgress(),
                0);
        String cmd = robot.lookup("#validationCommand").queryAs(Label.class).getText();
        assertTrue(cmd.contains("validate-background --experiments 2 --events 2000 --mc-events 4000 --seed 7"), cmd);
        assertFalse(robot.lookup("#validateBackground").queryAs(Button.class).isDisabled());
    }

    @Test
    void cancelStopsARunningStudyAndBadInputIsRefused(FxRobot robot) {
        type(robot, "#validationExperiments", "1");
        robot.clickOn("#validateBackground");
        String msg = robot.lookup("#validationMessage").queryAs(Label.class).getText();
        assertTrue(msg.startsWith("invalid input") && msg.contains("between 2 and 100000"), msg);
        assertTrue(worker.queue.isEmpty(), "nothing started");
        type(robot, "#validationExperiments", "5");
        type(robot, "#validationEvents", "2000");
        type(robot, "#validationMcEvents", "4000");
        robot.clickOn("#validateBackground");
        robot.clickOn("#cancelValidation");
        robot.interact(worker::runAll);
        assertEquals(
                "cancelled",
                robot.lookup("#validationMessage").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#validationTable")
                .queryAs(TableView.class)
                .getItems()
                .isEmpty());
        assertFalse(robot.lookup("#validateBackground").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#cancelValidation").queryAs(Button.class).isDisabled());
    }
}
