package org.darkscope.ui.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.darkscope.analysis.BackgroundChoice;
import org.darkscope.analysis.background.BackgroundValidation;
import org.darkscope.analysis.background.CoverageStudy;
import org.darkscope.session.Session;
import org.darkscope.session.TaskExecutor;
import org.darkscope.sim.Mix;
import org.darkscope.task.CancelledException;
import org.darkscope.task.Progress;

/**
 * The "Validate background" tab's state, free of the toolkit: the study's size (experiments, events
 * per experiment, background-MC events, first seed), a run on the worker with progress and cancel,
 * and the result as one row per method (bias, pull mean and width, coverage). It runs
 * {@link BackgroundValidation}, the code of {@code validate-background}, with the session's
 * selection; {@link #command()} is the command line that prints the same numbers.
 */
public final class BackgroundValidationViewModel {
    /**
     * One row of the result table (texts as shown).
     *
     * @param method   method name (lower case, as the CLI prints it)
     * @param used     experiments with an estimate
     * @param bias     mean bias ± its error
     * @param pullMean mean pull
     * @param pullWidth pull width
     * @param coverage coverage of the ±1σ interval
     * @param target   "met" / "not met" (the target applies to the default method)
     */
    public record Row(
            String method,
            String used,
            String bias,
            String pullMean,
            String pullWidth,
            String coverage,
            String target) {}

    private final Session session;
    private final TaskExecutor worker;
    private final TaskExecutor deliver;
    private final List<Runnable> listeners = new ArrayList<>();
    private String experiments = "50";
    private String events = "20000";
    private String mcEvents = "40000";
    private String seed = "1";
    private volatile boolean cancelRequested;
    private boolean running;
    private double fraction;
    private String message = "not run yet";
    private List<Row> rows = List.of();
    private BackgroundValidation.Result result;
    private String command = "";

    public BackgroundValidationViewModel(Session session, TaskExecutor worker, TaskExecutor deliver) {
        this.session = session;
        this.worker = worker;
        this.deliver = deliver;
    }

    public void addListener(Runnable l) {
        listeners.add(l);
    }

    private void fire() {
        for (Runnable l : listeners) {
            l.run();
        }
    }

    public String experiments() {
        return experiments;
    }

    public String events() {
        return events;
    }

    public String mcEvents() {
        return mcEvents;
    }

    public String seed() {
        return seed;
    }

    public boolean running() {
        return running;
    }

    public double fraction() {
        return fraction;
    }

    public String message() {
        return message;
    }

    public List<Row> rows() {
        return rows;
    }

    public BackgroundValidation.Result result() {
        return result;
    }
    /** The command line that prints the numbers of the last run. */
    public String command() {
        return command;
    }

    public void setExperiments(String s) {
        experiments = s.trim();
    }

    public void setEvents(String s) {
        events = s.trim();
    }

    public void setMcEvents(String s) {
        mcEvents = s.trim();
    }

    public void setSeed(String s) {
        seed = s.trim();
    }

    /** Starts the study on the worker; a bad field gives a message and no run. */
    public void start() {
        if (running) {
            return;
        }
        BackgroundValidation.Config cfg;
        try {
            cfg = new BackgroundValidation.Config(
                    Integer.parseInt(experiments),
                    Integer.parseInt(events),
                    Integer.parseInt(mcEvents),
                    Mix.PHYSICS,
                    Mix.BACKGROUND_MC,
                    Long.parseLong(seed),
                    session.selection(),
                    true);
        } catch (IllegalArgumentException e) {
            message = "invalid input: "
                    + (e instanceof NumberFormatException
                            ? "whole numbers expected (" + e.getMessage() + ")"
                            : e.getMessage());
            fire();
            return;
        }
        running = true;
        cancelRequested = false;
        fraction = 0;
        message = "starting";
        fire();
        Progress p = new Progress() {
            @Override
            public void update(double f, String m) {
                deliver.execute(() -> {
                    if (running) {
                        fraction = f;
                        message = m;
                        fire();
                    }
                });
            }

            @Override
            public boolean isCancelled() {
                return cancelRequested;
            }
        };
        worker.execute(() -> {
            try {
                BackgroundValidation.Result r = BackgroundValidation.run(cfg, p);
                deliver.execute(() -> finished(cfg, r, null));
            } catch (CancelledException e) {
                deliver.execute(() -> finished(cfg, null, "cancelled"));
            } catch (RuntimeException e) {
                deliver.execute(() -> finished(cfg, null, "failed: " + e.getMessage()));
            }
        });
    }

    /** Asks the running study to stop (it stops within one simulated event batch). */
    public void cancel() {
        cancelRequested = true;
        if (running) {
            message = "cancelling";
            fire();
        }
    }

    private void finished(BackgroundValidation.Config cfg, BackgroundValidation.Result r, String error) {
        running = false;
        if (r == null) {
            message = error;
            fraction = 0;
            fire();
            return;
        }
        result = r;
        fraction = 1;
        List<Row> out = new ArrayList<>();
        for (CoverageStudy.MethodResult m : r.methods()) {
            out.add(new Row(
                    m.method().toLowerCase(Locale.ROOT),
                    m.used() + " of " + (m.used() + m.unavailable()),
                    fmt(m.meanBias()) + " ± " + fmt(m.meanBiasError()),
                    fmt(m.pullMean()),
                    fmt(m.pullWidth()),
                    Double.isFinite(m.coverage()) ? String.format(Locale.ROOT, "%.0f %%", 100 * m.coverage()) : "–",
                    m.method().equals(BackgroundChoice.MC_TRANSFER.name())
                            ? (m.meetsTarget() ? "met" : "not met")
                            : ""));
        }
        rows = List.copyOf(out);
        command = String.format(
                Locale.ROOT,
                "darkscope validate-background --experiments %d --events %d --mc-events %d --seed %d"
                        + " --selection SELECTION.json",
                cfg.experiments(),
                cfg.events(),
                cfg.mcEvents(),
                cfg.seed());
        message = String.format(
                Locale.ROOT,
                "%d experiments done: expected box background %s per experiment (truth from the "
                        + "weighted MC, ± %.1f %%); target for mc_transfer: |bias| < its error, coverage 60-76 %% over ≥ 50 experiments",
                cfg.experiments(),
                fmt(r.expectedTruth()),
                100 * r.truthRelError());
        fire();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3g", v) : "–";
    }
}
