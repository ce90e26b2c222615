package org.darkscope.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.darkscope.cli.DarkScopeCli;
import org.darkscope.event.RunData;
import org.darkscope.io.RunFiles;
import org.darkscope.sim.Mix;
import org.darkscope.sim.SimConfig;
import org.darkscope.sim.Simulator;
import org.darkscope.task.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More than 1,000 generated bad and edge inputs through the command line's entry point, in process.
 * Each must give exit 2 with a clean message (no exception name, no stack trace, no temporary path)
 * or exit 0 with the reference result; none may hang (per-case timeout), and no input or existing
 * output file may change.
 */
class CliFuzzTest {
    private static final long SEED = 20261129L;
    private static final int TIMEOUT_S = 30;

    @TempDir
    static Path dir;

    static Path base;
    static Path selection;
    static final Map<String, String> reference = new HashMap<>();
    static ExecutorService exec;

    record Result(int code, String out, String err) {}

    @BeforeAll
    static void setUp() throws Exception {
        RunData run = Simulator.simulate(
                SimConfig.defaults(Mix.PHYSICS).withEvents(300).withSeed(9).withThreads(1), Progress.NONE);
        base = dir.resolve("base.parquet");
        RunFiles.write(run, base);
        selection = dir.resolve("selection.json");
        Files.copy(Path.of("sample-runs/selection-published.json"), selection);
        reference.put("info", normal(cli("info", base.toString(), "--json").out(), base));
        reference.put(
                "analyse", normal(cli("analyse", base.toString(), "--json").out(), base));
        Path csv = dir.resolve("reference.csv");
        if (cli("export", base.toString(), "--csv", csv.toString()).code() != 0) {
            throw new IllegalStateException("reference export failed");
        }
        reference.put("export", Files.readString(csv));
        exec = newExec();
    }

    @AfterAll
    static void tearDown() {
        exec.shutdownNow();
    }

    private static ExecutorService newExec() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    static Result cli(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DarkScopeCli.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Result(code, o.toString(), e.toString());
    }

    /** The output with the run file's path and name replaced, so runs under other names compare. */
    static String normal(String s, Path file) {
        return s.replace(file.toString(), "FILE").replace(file.getFileName().toString(), "FILE");
    }

    static String sha(Path p) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (Exception e) {
            return "unreadable";
        }
    }

    /** Existing regular files named in the arguments, and the shared inputs. */
    private static Map<Path, String> hashes(List<String> args) {
        Map<Path, String> h = new LinkedHashMap<>();
        h.put(base, sha(base));
        h.put(selection, sha(selection));
        for (String a : args) {
            try {
                Path p = Path.of(a);
                if (Files.isRegularFile(p)) {
                    h.put(p, sha(p));
                }
            } catch (RuntimeException ignored) {
                // not a path
            }
        }
        return h;
    }

    @Test
    void everyGeneratedInputGivesACleanMessageOrTheReferenceResult() throws Exception {
        FuzzCorpus corpus = new FuzzCorpus(SEED, dir, base, selection);
        corpus.truncations(180);
        corpus.byteFlips(320);
        corpus.typeMutations(170);
        corpus.metadataMutations(170);
        corpus.selectionMutations(110);
        corpus.argumentMutations(220);
        List<FuzzCorpus.Case> cases = corpus.cases();
        assertTrue(cases.size() >= 1000, "only " + cases.size() + " cases");
        Set<String> workingDirBefore = listWorkingDir();
        List<String> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new java.util.TreeMap<>();
        Map<String, Long> millis = new java.util.TreeMap<>();
        for (FuzzCorpus.Case c : cases) {
            Map<Path, String> before = hashes(c.args());
            long t0 = System.nanoTime();
            Future<Result> f = exec.submit(() -> cli(c.args().toArray(String[]::new)));
            Result r;
            try {
                r = f.get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                exec.shutdownNow();
                exec = newExec();
                failures.add(c.id() + ": no answer within " + TIMEOUT_S + " s (hang)");
                continue;
            }
            outcomes.merge(c.expect() + " exit " + r.code(), 1, Integer::sum);
            millis.merge(c.args().isEmpty() ? "" : c.args().get(0), (System.nanoTime() - t0) / 1_000_000, Long::sum);
            String problem = check(c, r);
            for (Map.Entry<Path, String> e : before.entrySet()) {
                if (!e.getValue().equals(sha(e.getKey()))
                        && !e.getKey().equals(c.exportTo())
                        && !isOutputOfThisCase(c, e.getKey())) {
                    problem = (problem == null ? "" : problem + "; ") + "changed " + e.getKey();
                }
            }
            if (problem != null) {
                failures.add(c.id() + " " + c.args() + ": " + problem);
            }
        }
        Set<String> appeared = new TreeSet<>(listWorkingDir());
        appeared.removeAll(workingDirBefore);
        if (!appeared.isEmpty()) {
            failures.add("files written into the working directory: " + appeared);
        }
        System.out.println(
                "fuzz outcomes: " + outcomes + " over " + cases.size() + " cases; ms per command: " + millis);
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + cases.size() + " cases failed:\n"
                        + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }

    /** Names in the working directory (the checkout when run by Maven): no case may write there. */
    private static Set<String> listWorkingDir() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("").toAbsolutePath())) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** A file the case may legitimately change: the output of an export/simulate with --force. */
    private static boolean isOutputOfThisCase(FuzzCorpus.Case c, Path p) {
        List<String> a = c.args();
        if (!a.contains("--force")) {
            return false;
        }
        for (int i = 0; i + 1 < a.size(); i++) {
            if ((a.get(i).equals("--csv") || a.get(i).equals("--out"))
                    && Path.of(a.get(i + 1)).equals(p)) {
                // never an input, even with --force
                return !p.equals(base) && !(a.size() > 1 && a.get(1).equals(p.toString()));
            }
        }
        return false;
    }

    private static String check(FuzzCorpus.Case c, Result r) throws Exception {
        String err = r.err();
        String all = r.out() + err;
        if (all.contains("Exception")
                || all.contains("\tat ")
                || all.contains("at org.")
                || all.contains("at java.")
                || all.contains(".darkscope-tmp")) {
            return "stack trace or exception in the output: " + firstLines(all);
        }
        if (r.code() == 2) {
            if (!err.startsWith("darkscope: ") || err.strip().isEmpty()) {
                return "exit 2 without a 'darkscope: ' message: " + firstLines(err);
            }
            if (c.mustContain() != null && !err.lines().findFirst().orElse("").contains(c.mustContain())) {
                return "message does not name " + c.mustContain() + ": " + firstLines(err);
            }
            return null;
        }
        if (r.code() != 0) {
            return "exit " + r.code() + ": " + firstLines(err);
        }
        return switch (c.expect()) {
            case FAIL -> "exit 0, expected a refusal naming " + c.mustContain();
            case ANY_CLEAN -> null;
            case FAIL_OR_REFERENCE -> {
                Path file = Path.of(c.args().get(1));
                String got = c.reference().equals("export") ? Files.readString(c.exportTo()) : normal(r.out(), file);
                yield got.equals(reference.get(c.reference()))
                        ? null
                        : "exit 0 with a result different from the reference";
            }
        };
    }

    private static String firstLines(String s) {
        return s.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
    }
}
