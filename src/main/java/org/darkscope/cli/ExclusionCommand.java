package org.darkscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.darkscope.analysis.limits.LimitInput;
import org.darkscope.analysis.limits.LimitMethod;
import org.darkscope.analysis.yield.BremModel;
import org.darkscope.analysis.yield.DarkPhotonYield;
import org.darkscope.analysis.yield.ExclusionCalculator;
import org.darkscope.analysis.yield.ExclusionPoint;
import org.darkscope.analysis.yield.ExclusionRequest;
import org.darkscope.analysis.yield.KFactorTable;
import org.darkscope.analysis.yield.PublishedCurve;
import org.darkscope.analysis.yield.SignalProcess;
import org.darkscope.event.ExternalEfficiency;
import org.darkscope.report.CsvTables;
import org.darkscope.report.PublishedCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code darkscope exclusion}: 90 % CL limits on ε and y per A' mass. */
@Command(
        name = "exclusion",
        mixinStandardHelpOptions = true,
        description = "Exclusion limits on the kinetic mixing epsilon and on y = alpha_D eps^2 (m_chi/m_A')^4 "
                + "per A' mass, from the electrons on target, the signal efficiency and the observed count.")
public final class ExclusionCommand implements Callable<Integer> {
    @Option(names = "--eot", required = true, paramLabel = "N", description = "electrons on target")
    double eot;

    @Option(
            names = "--efficiency",
            required = true,
            paramLabel = "E",
            description = "signal efficiency (selection and box, without the kinematic x > x_c fraction)")
    double efficiency;

    @Option(
            names = "--observed",
            paramLabel = "N",
            defaultValue = "0",
            description = "events observed in the box (default 0)")
    int observed;

    @Option(
            names = "--background",
            paramLabel = "B",
            defaultValue = "0",
            description = "expected background (default 0)")
    double background;

    @Option(
            names = "--background-error",
            paramLabel = "DB",
            defaultValue = "0",
            description = "uncertainty of B (default 0)")
    double backgroundError;

    @Option(
            names = "--signal-error",
            paramLabel = "REL",
            defaultValue = "0",
            description = "relative signal uncertainty (default 0)")
    double signalError;

    @Option(
            names = "--mass-mev",
            required = true,
            split = ",",
            paramLabel = "M1,M2,...",
            description = "A' masses in MeV")
    List<Double> masses;

    @Option(
            names = "--process",
            paramLabel = "P",
            defaultValue = "brem",
            description = "brem, annihilation or both (default brem)")
    String process;

    @Option(names = "--model", paramLabel = "M", defaultValue = "iww", description = "iww or etl (default iww)")
    String model;

    @Option(
            names = "--k-table",
            paramLabel = "FILE",
            description = "CSV mass_gev,k of K = sigma_IWW/sigma_ETL (etl; default: built-in table)")
    Path kTable;

    @Option(names = "--alpha-d", paramLabel = "A", defaultValue = "0.1", description = "alpha_D for y (default 0.1)")
    double alphaD;

    @Option(
            names = "--ecal-max",
            paramLabel = "GEV",
            defaultValue = "50",
            description = "E_ECAL box edge in GeV (default 50)")
    double ecalMax;

    @Option(
            names = "--beam-energy",
            paramLabel = "GEV",
            defaultValue = "100",
            description = "beam energy in GeV (default 100)")
    double beamEnergy;

    @Option(
            names = "--method",
            paramLabel = "M",
            defaultValue = "cls",
            description = "cls, classical, fc or fc-adjusted (default cls)")
    String method;

    @Option(names = "--cl", paramLabel = "CL", defaultValue = "0.9", description = "confidence level (default 0.9)")
    double cl;

    @Option(
            names = {"--published", "--overlay"},
            paramLabel = "CURVE",
            description = "published limit curve to compare with: a CSV file (mass_MeV,epsilon) or the built-in '"
                    + PublishedCurves.NA64E_2016_2022
                    + "' (NA64 2016-2022, 9.37e11 EOT; resources/published/SOURCE.md); "
                    + "prints eps90 / published per mass")
    String overlay;

    @Option(
            names = "--external-efficiency",
            paramLabel = "F",
            defaultValue = "none",
            description = "signal inefficiencies the simulation does not model, multiplied into --efficiency and shown "
                    + "separately: none (default), na64 (the published 2016-2018 breakdown: tracking, VETO, HCAL, DAQ, "
                    + "trigger) or a number in (0, 1]")
    String external;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description =
                    "also write the table as CSV, one number per column "
                            + "(observed, expected median, -2s, -1s, +1s, +2s for N_up, eps and y; and the published curve's ratio)")
    Path csv;

    @Mixin
    JsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(ecalMax > 0 && ecalMax < beamEnergy)) {
            throw new IllegalArgumentException("--ecal-max must be between 0 and the beam energy, got " + ecalMax);
        }
        BremModel m = BremModel.parse(model);
        KFactorTable k = kTable != null ? KFactorTable.read(kTable) : KFactorTable.defaultTable();
        LimitInput lim =
                new LimitInput(observed, background, backgroundError, signalError, cl, LimitMethod.parse(method));
        DarkPhotonYield yield = new DarkPhotonYield(beamEnergy, m, k);
        if (!(efficiency > 0 && efficiency <= 1)) {
            throw new IllegalArgumentException("--efficiency must be in (0, 1], got " + efficiency);
        }
        ExternalEfficiency ext = parseExternal(external);
        double used = ext == null ? efficiency : efficiency * ext.value();
        ExclusionRequest req =
                ExclusionRequest.of(eot, used, lim, SignalProcess.parse(process), yield, ecalMax, alphaD);
        double[] ms = masses.stream().mapToDouble(Double::doubleValue).toArray();
        PublishedCurves.Named named = overlay != null ? PublishedCurves.resolve(overlay) : null;
        PublishedCurve curve = named == null ? null : named.curve();
        List<ExclusionPoint> pts = ExclusionCalculator.compute(req, ms);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            ObjectNode o = toJson(req, pts);
            CliJson.put(o, "efficiencySimulated", efficiency);
            CliJson.put(o, "externalEfficiency", ext == null ? 1.0 : ext.value());
            if (ext != null) {
                ObjectNode c = o.putObject("externalComponents");
                ext.components().forEach((key, v) -> CliJson.put(c, key, v));
            }
            CliJson.put(o, "efficiencyUsed", used);
            if (curve != null) {
                o.put("overlay", named.label());
                ArrayNode pa = (ArrayNode) o.get("points");
                for (int i = 0; i < pts.size(); i++) {
                    ObjectNode x = (ObjectNode) pa.get(i);
                    CliJson.put(x, "overlayEpsilon", curve.at(pts.get(i).massMeV()));
                    CliJson.put(
                            x,
                            "ratioToOverlay",
                            curve.ratio(pts.get(i).massMeV(), pts.get(i).epsilon()));
                    CliJson.put(
                            x,
                            "expectedRatioToOverlay",
                            curve.ratio(pts.get(i).massMeV(), pts.get(i).epsilonExpected()));
                }
            }
            out.println(CliJson.MAPPER.writeValueAsString(o));
        } else {
            ExclusionPoint p0 = pts.isEmpty() ? null : pts.get(0);
            double[] nb = p0 == null ? new double[5] : CsvTables.eventBands(p0);
            out.printf(
                    "%s, %s, %s at %s %% CL: N_up = %s (expected, median: %s, ±1σ [%s, %s], ±2σ [%s, %s]), EOT %s, box E_ECAL < %s GeV%n",
                    req.process().name().toLowerCase(),
                    m.name(),
                    lim.method().cliName(),
                    CliJson.fmt(100 * cl),
                    CliJson.fmt(p0 == null ? Double.NaN : p0.upperLimit()),
                    CliJson.fmt(nb[2]),
                    CliJson.fmt(nb[1]),
                    CliJson.fmt(nb[3]),
                    CliJson.fmt(nb[0]),
                    CliJson.fmt(nb[4]),
                    CliJson.fmt(eot),
                    CliJson.fmt(ecalMax));
            out.println(efficiencyLine(efficiency, ext, "given"));
            Table t = new Table(
                    "m_A' [MeV]",
                    "brem/EOT/eps2",
                    "annih/EOT/eps2",
                    "eps90",
                    "eps90 exp",
                    "exp -1s..+1s",
                    "exp -2s..+2s",
                    "m_chi [MeV]",
                    "y90",
                    "y scalar",
                    "y majorana",
                    "y pseudo-Dirac",
                    "note");
            for (ExclusionPoint p : pts) {
                Map<String, Double> r = p.relicY();
                double[] band = p.epsilonBands();
                t.row(
                        CliJson.fmt(p.massMeV()),
                        CliJson.fmt(p.bremPerEps2()),
                        CliJson.fmt(p.annihPerEps2()),
                        CliJson.fmt(p.epsilon()),
                        CliJson.fmt(p.epsilonExpected()),
                        CliJson.fmt(band[1]) + ".." + CliJson.fmt(band[3]),
                        CliJson.fmt(band[0]) + ".." + CliJson.fmt(band[4]),
                        CliJson.fmt(p.mChiMeV()),
                        CliJson.fmt(p.y()),
                        CliJson.fmt(r.get("scalar")),
                        CliJson.fmt(r.get("majorana")),
                        CliJson.fmt(r.get("pseudodirac")),
                        p.note());
            }
            t.print(out);
            if (curve != null) {
                Table c = new Table(
                        "m_A' [MeV]",
                        "eps90",
                        "published (" + named.label() + ")",
                        "ratio eps90/published",
                        "ratio expected/published");
                for (ExclusionPoint p : pts) {
                    c.row(
                            CliJson.fmt(p.massMeV()),
                            CliJson.fmt(p.epsilon()),
                            CliJson.fmt(curve.at(p.massMeV())),
                            CliJson.fmt(curve.ratio(p.massMeV(), p.epsilon())),
                            CliJson.fmt(curve.ratio(p.massMeV(), p.epsilonExpected())));
                }
                c.print(out);
            }
        }
        if (csv != null) {
            csvTable(pts, curve).write(csv);
        }
        out.flush();
        return 0;
    }

    /** none, na64 or a number in (0, 1]; null for none. */
    static ExternalEfficiency parseExternal(String s) {
        String k = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (k.equals("none") || k.equals("1")) {
            return null;
        }
        if (k.equals("na64")) {
            return ExternalEfficiency.na64Published();
        }
        double v;
        try {
            v = Double.parseDouble(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--external-efficiency must be none, na64 or a number in (0, 1], got '" + s + "'");
        }
        return new ExternalEfficiency("user", v, Map.of(), "--external-efficiency");
    }

    /**
     * "signal efficiency ε_sig = 0.58 (simulated) × 0.648 (external: tracking 0.83, veto 0.94, ...) = 0.376", or the
     * simulated value alone with "no external factor".
     */
    public static String efficiencyLine(double simulated, ExternalEfficiency ext, String what) {
        if (ext == null) {
            return "signal efficiency ε_sig = " + CliJson.fmt(simulated) + " (" + what
                    + "; no external inefficiency factor applied)";
        }
        StringBuilder c = new StringBuilder();
        ext.components().forEach((key, v) -> c.append(c.length() == 0 ? "" : ", ")
                .append(key)
                .append(' ')
                .append(CliJson.fmt(v)));
        return "signal efficiency ε_sig = " + CliJson.fmt(simulated) + " (" + what + ") × " + CliJson.fmt(ext.value())
                + " (external" + (c.length() > 0 ? ": " + c : "") + ") = " + CliJson.fmt(simulated * ext.value());
    }

    /** The exclusion table (CsvTables.exclusion, unblinded) with the published curve and the ratios appended. */
    static CsvTables csvTable(List<ExclusionPoint> pts, PublishedCurve curve) {
        CsvTables t = CsvTables.exclusion(pts, false);
        if (curve == null) {
            return t;
        }
        List<String> h = new java.util.ArrayList<>(t.header());
        h.addAll(List.of("epsilon_published", "ratio_observed_to_published", "ratio_expected_to_published"));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < pts.size(); i++) {
            ExclusionPoint p = pts.get(i);
            List<String> r = new java.util.ArrayList<>(t.rows().get(i));
            r.add(num(curve.at(p.massMeV())));
            r.add(num(curve.ratio(p.massMeV(), p.epsilon())));
            r.add(num(curve.ratio(p.massMeV(), p.epsilonExpected())));
            rows.add(r);
        }
        return new CsvTables(h, rows);
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "NaN";
    }

    static ObjectNode toJson(ExclusionRequest req, List<ExclusionPoint> pts) {
        ObjectNode o = CliJson.MAPPER.createObjectNode();
        CliJson.put(o, "eot", req.eot());
        o.put("process", req.process().name().toLowerCase());
        o.put("model", req.yield().model().name().toLowerCase());
        o.put("method", req.limit().method().cliName());
        CliJson.put(o, "cl", req.limit().cl());
        CliJson.put(o, "observed", req.limit().observed());
        CliJson.put(o, "background", req.limit().background());
        CliJson.put(o, "alphaD", req.alphaD());
        CliJson.put(o, "xc", req.xc());
        ArrayNode a = o.putArray("points");
        for (ExclusionPoint p : pts) {
            a.add(point(p));
        }
        return o;
    }

    static ObjectNode point(ExclusionPoint p) {
        ObjectNode x = CliJson.MAPPER.createObjectNode();
        CliJson.put(x, "massMeV", p.massMeV());
        CliJson.put(x, "efficiency", p.efficiency());
        CliJson.put(x, "bremPerEotPerEps2", p.bremPerEps2());
        CliJson.put(x, "annihilationPerEotPerEps2", p.annihPerEps2());
        CliJson.put(x, "signalPerEps2", p.signalPerEps2());
        CliJson.put(x, "upperLimit", p.upperLimit());
        CliJson.put(x, "expectedUpperLimit", p.expectedUpperLimit());
        CliJson.put(x, "epsilon", p.epsilon());
        CliJson.put(x, "epsilonExpected", p.epsilonExpected());
        double[] band = p.epsilonBands();
        CliJson.put(x, "epsilonExpectedMinus2", band[0]);
        CliJson.put(x, "epsilonExpectedMinus1", band[1]);
        CliJson.put(x, "epsilonExpectedPlus1", band[3]);
        CliJson.put(x, "epsilonExpectedPlus2", band[4]);
        double[] nb = CsvTables.eventBands(p);
        CliJson.put(x, "expectedUpperLimitMinus2", nb[0]);
        CliJson.put(x, "expectedUpperLimitMinus1", nb[1]);
        CliJson.put(x, "expectedUpperLimitPlus1", nb[3]);
        CliJson.put(x, "expectedUpperLimitPlus2", nb[4]);
        double[] yb = CsvTables.yBands(p);
        CliJson.put(x, "yExpectedMinus2", yb[0]);
        CliJson.put(x, "yExpectedMinus1", yb[1]);
        CliJson.put(x, "yExpectedPlus1", yb[3]);
        CliJson.put(x, "yExpectedPlus2", yb[4]);
        CliJson.put(x, "mChiMeV", p.mChiMeV());
        CliJson.put(x, "y", p.y());
        CliJson.put(x, "yExpected", p.yExpected());
        ObjectNode r = x.putObject("relicY");
        p.relicY().forEach((k, v) -> CliJson.put(r, k, v));
        x.put("note", p.note());
        return x;
    }
}
