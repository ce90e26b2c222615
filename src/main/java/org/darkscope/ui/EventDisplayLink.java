package org.darkscope.ui;

import java.util.List;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import org.darkscope.analysis.AnalysisEngine;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Region;
import org.darkscope.analysis.RunResult;
import org.darkscope.analysis.Selection;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.session.OpenRun;
import org.darkscope.session.RunRole;
import org.darkscope.session.Session;
import org.darkscope.session.SessionListener;
import org.darkscope.ui.display.EventDisplayPane;
import org.darkscope.ui.display.EventRef;
import org.darkscope.ui.shell.MainViewModel;

/**
 * Joins the 3D event display to the workbench, so a cut, the plane, the event list and the 3D view
 * form one loop:
 * <ul>
 *   <li>the data run (and the signal/background MC runs) open in the display;</li>
 *   <li>a point picked in the plane or a row picked in the event table shows that event in 3D;</li>
 *   <li>the event shown in 3D (navigation, tour) is ringed in the plane;</li>
 *   <li>every analysis result goes to the display: its browse lists (passing the selection, per region
 *       of {@link org.darkscope.analysis.SignalBox}; the box only once unblinded), the box, and the cuts
 *       an event fails (the engine's bitsets);</li>
 *   <li>blinding: a data-role run (and a followed file, which is data) hides its box while the
 *       selection is blinded: no list, jump, alert, label or "fails cuts" of the display reveals a box event;</li>
 *   <li>the plane rings the shown event only where it is plotted (the data run's selected events).</li>
 * </ul>
 */
public final class EventDisplayLink {
    /** Browse-list names offered in the display, in the order shown. */
    public static final String PASSING = "passing selection";

    private final Workbench workbench;
    private final EventDisplayPane display;
    private boolean showingPicked;
    private RunData listsShownFor;

    private EventDisplayLink(Workbench workbench, EventDisplayPane display) {
        this.workbench = workbench;
        this.display = display;
    }

    /** Creates the display, puts it into the window's right slot and wires it (remembering in the user's preferences). */
    public static EventDisplayLink attach(Workbench workbench) {
        return attach(workbench, org.darkscope.session.UserPreferences.node("org/darkscope/display"));
    }

    /** As {@link #attach(Workbench)}, remembering the logbook folder and text scale in {@code prefs}. */
    public static EventDisplayLink attach(Workbench workbench, Preferences prefs) {
        EventDisplayPane display = new EventDisplayPane();
        display.setPreferences(prefs);
        display.setRunLoader(RunFiles::read);
        workbench.addViewState(new Workbench.ViewState(display::viewState, display::applyViewState));
        workbench.window().setEventDisplay(display);
        EventDisplayLink link = new EventDisplayLink(workbench, display);
        link.wire();
        return link;
    }

    public EventDisplayPane display() {
        return display;
    }

    private MainViewModel model() {
        return workbench.model();
    }

    private Session session() {
        return model().session();
    }

    /**
     * The role of a run: its role in the session, or for a run the session does not hold (a followed
     * file) its natural role from the metadata, so a signal MC file dropped into the followed directory
     * raises no alerts and is not blinded.
     */
    RunRole role(RunData r) {
        return session().runs().stream()
                .filter(o -> o.data() == r)
                .map(OpenRun::role)
                .findFirst()
                .orElse(RunRole.of(r));
    }

    private void wire() {
        display.setDataRole(r -> role(r) == RunRole.DATA);
        display.setBlinding(r -> {
            Selection sel = session().selection();
            return sel != null && sel.blinded() && role(r) == RunRole.DATA ? sel.box() : null;
        });
        display.setEvaluator(this::evaluate);
        display.setSelectionCaption(() -> {
            Selection sel = session().selection();
            return sel == null
                    ? "selection: none"
                    : "selection: " + sel.name() + " (" + sel.enabledCuts().size() + " cuts on)";
        });
        model().dataRunProperty().addListener((o, a, run) -> showRuns());
        session().addListener(new SessionListener() {
            @Override
            public void runsChanged(Session s) {
                onFx(EventDisplayLink.this::addOtherRuns);
            }

            @Override
            public void resultChanged(Session s) {
                onFx(EventDisplayLink.this::applyResult);
            }

            @Override
            public void blindingChanged(Session s) {
                onFx(EventDisplayLink.this::applyResult);
            }
        });
        // plane pick or table row -> that event in 3D
        model().pickedEventProperty().addListener((o, a, ev) -> {
            if (ev != null && !showingPicked) {
                showingPicked = true;
                try {
                    display.showEvent(new EventRef(ev.run(), ev.index()));
                } finally {
                    showingPicked = false;
                }
            }
        });
        // the event in 3D (navigation, tour, pick) -> ringed in the plane, where it is plotted
        display.setOnEventShown(
                ref -> workbench.planeView().highlight(plotted(ref) ? new double[] {ref.ecal(), ref.hcal()} : null));
        display.setOnTourEvent(ref -> {
            if (ref == null) {
                return;
            }
            if (plotted(ref)) {
                workbench.planeView().highlight(new double[] {ref.ecal(), ref.hcal()});
                display.setTourNote("Its point is ringed in the energy plane.");
            } else {
                workbench.planeView().highlight(null);
                display.setTourNote("This example comes from " + ref.run().displayName()
                        + ", which the energy plane does not plot as data (or it fails the selection): no ring there.");
            }
            model().setStatus(String.format(
                    java.util.Locale.ROOT,
                    "tour: event %d of %s at E_ECAL %.1f, E_HCAL %.2f GeV",
                    ref.eventNumber(),
                    ref.run().displayName(),
                    ref.ecal(),
                    ref.hcal()));
        });
        showRuns();
    }

    /** True if the plane plots this event: a selected (visible) event of the data run. */
    private boolean plotted(EventRef ref) {
        if (ref == null || ref.run() != model().dataRunProperty().get()) {
            return false;
        }
        AnalysisResult result = session().result();
        RunResult rr = result == null
                ? null
                : result.runs().stream()
                        .filter(r -> r.run() == ref.run())
                        .findFirst()
                        .orElse(null);
        return rr != null && rr.isSelected(ref.index());
    }

    /** Evaluates the session's selection on a run it does not hold (a followed file, blinded as data). */
    private RunResult evaluate(RunData r) {
        Selection sel = session().selection();
        if (sel == null) {
            return null;
        }
        try (AnalysisEngine e = new AnalysisEngine(List.of(r))) {
            return e.evaluate(sel, x -> true, org.darkscope.task.Progress.NONE).run(r);
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Shows the data run and offers the other open runs in the display's run choice. */
    private void showRuns() {
        RunData data = model().dataRunProperty().get();
        if (data != null && display.run() != data) {
            display.setRun(data);
        }
        addOtherRuns();
        applyResult();
    }

    private void addOtherRuns() {
        if (display.run() == null) {
            RunData first =
                    session().runs().stream().map(OpenRun::data).findFirst().orElse(null);
            if (first != null) {
                display.setRun(first);
            }
        }
        for (OpenRun r : session().runs()) {
            if (!display.runs().contains(r.data())) {
                display.addRun(r.data());
            }
        }
    }

    /** The box, the engine's results and the browse lists of the shown run from the latest result, in one update. */
    private void applyResult() {
        Selection sel = session().selection();
        AnalysisResult result = session().result();
        RunData run = display.run();
        if (result == null || run == null) {
            if (sel != null) {
                display.setBox(sel.box());
            }
            return;
        }
        RunResult rr =
                result.runs().stream().filter(r -> r.run() == run).findFirst().orElse(null);
        long gen = ++applyGeneration;
        if (rr != null && run.size() > org.darkscope.ui.display.DisplayModel.ASYNC_ABOVE) {
            // the region lists scan the run: built on a worker for a big run, applied on the FX thread (issue 15)
            java.util.concurrent.CompletableFuture.supplyAsync(() -> lists(rr))
                    .thenAccept(lists -> Platform.runLater(() -> {
                        if (gen == applyGeneration && session().result() == result && display.run() == run) {
                            apply(sel, result, run, rr, lists);
                        }
                    }));
            return;
        }
        apply(sel, result, run, rr, rr == null ? null : lists(rr));
    }

    private long applyGeneration;

    private void apply(
            Selection sel, AnalysisResult result, RunData run, RunResult rr, java.util.Map<String, int[]> lists) {
        display.applyAnalysis(sel == null ? null : sel.box(), result.runs(), lists);
        if (rr != null && listsShownFor != run) {
            // a new data run: browse the selected events first (the user's later choice is kept)
            listsShownFor = run;
            display.selectFilter("list: " + PASSING);
        }
    }

    private static java.util.Map<String, int[]> lists(RunResult rr) {
        java.util.Map<String, int[]> lists = null;
        {
            // the engine decides blinding per run: a hidden box's events are in none of its lists
            lists = new java.util.LinkedHashMap<>();
            lists.put(PASSING, rr.selectedEvents());
            for (Region region : Region.values()) {
                if (region == Region.BOX && rr.boxHidden()) {
                    continue;
                }
                lists.put("selected, " + region.label(), rr.eventsInRegion(region));
            }
        }
        return lists;
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
