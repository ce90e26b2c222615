package org.darkscope.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.ConvertedType;
import org.apache.parquet.format.DecimalType;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.IntType;
import org.apache.parquet.format.LogicalType;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.StringType;
import org.apache.parquet.format.TimeUnit;
import org.apache.parquet.format.TimestampType;
import org.apache.parquet.format.Type;
import org.darkscope.io.FooterEdit;
import org.darkscope.io.RunFiles;

/**
 * Seeded, deterministic generator of bad and edge inputs for the command line: run files truncated,
 * with flipped bytes, with mutated Parquet types, with mutated metadata; mutated selection files;
 * mutated argument lists. Add a case here for every new bug.
 */
final class FuzzCorpus {
    /** What a case may do. */
    enum Expect {
        /** exit 2 with a clean message, or exit 0 with the reference result of {@link Case#reference} */
        FAIL_OR_REFERENCE,
        /** exit 2 with a clean message that contains {@link Case#mustContain} */
        FAIL,
        /** exit 0 or 2 (arguments that may be valid), clean either way */
        ANY_CLEAN
    }

    /**
     * @param reference key of the reference output (info, analyse, export) or null
     * @param exportTo  the CSV written by an export case (compared with the reference CSV)
     */
    record Case(String id, List<String> args, Expect expect, String reference, String mustContain, Path exportTo) {}

    private final SplittableRandom rnd;
    private final Path dir;
    private final Path base;
    private final byte[] baseBytes;
    private final String runJson;
    private final String selectionJson;
    private final List<Case> cases = new ArrayList<>();
    private int n;

    FuzzCorpus(long seed, Path dir, Path base, Path selection) throws IOException {
        this.rnd = new SplittableRandom(seed);
        this.dir = dir;
        this.base = base;
        this.baseBytes = Files.readAllBytes(base);
        this.runJson = FooterEdit.kvValue(FooterEdit.read(baseBytes), RunFiles.KEY_RUN);
        this.selectionJson = Files.readString(selection);
    }

    List<Case> cases() {
        return cases;
    }

    private Path newFile(String ext) {
        return dir.resolve(String.format("c%05d.%s", n++, ext));
    }

    /** A command reading a mutated run file; export cases write a fresh CSV. */
    private void fileCase(String kind, byte[] bytes, Expect expect, String mustContain) throws IOException {
        Path f = newFile("parquet");
        Files.write(f, bytes);
        int c = new int[] {0, 0, 1, 2, 2}[rnd.nextInt(5)];
        String id = kind + " " + f.getFileName();
        switch (c) {
            case 0 -> cases.add(
                    new Case(id, List.of("info", f.toString(), "--json"), expect, "info", mustContain, null));
            case 1 -> cases.add(
                    new Case(id, List.of("analyse", f.toString(), "--json"), expect, "analyse", mustContain, null));
            default -> {
                Path csv = newFile("csv");
                cases.add(new Case(
                        id,
                        List.of("export", f.toString(), "--csv", csv.toString()),
                        expect,
                        "export",
                        mustContain,
                        csv));
            }
        }
    }

    void truncations(int count) throws IOException {
        int len = baseBytes.length;
        for (int i = 0; i < count; i++) {
            // half near the footer end, half anywhere
            int cut = i % 2 == 0 ? len - 1 - rnd.nextInt(Math.min(len - 1, 4000)) : rnd.nextInt(len);
            fileCase("truncated at " + cut, Arrays.copyOf(baseBytes, cut), Expect.FAIL_OR_REFERENCE, null);
        }
    }

    void byteFlips(int count) throws IOException {
        int len = baseBytes.length;
        int footerLen = java.nio.ByteBuffer.wrap(baseBytes, len - 8, 4)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt();
        for (int i = 0; i < count; i++) {
            byte[] b = baseBytes.clone();
            int flips = 1 + rnd.nextInt(3);
            StringBuilder where = new StringBuilder();
            for (int k = 0; k < flips; k++) {
                int pos = i % 2 == 0 ? len - 8 - footerLen + rnd.nextInt(footerLen + 8) : rnd.nextInt(len);
                b[pos] ^= (byte) (1 << rnd.nextInt(8));
                where.append(pos).append(' ');
            }
            fileCase("bytes flipped at " + where, b, Expect.FAIL_OR_REFERENCE, null);
        }
    }

    /** Footer edits of column types, names and codecs: each with the outcome the file's meaning implies. */
    void typeMutations(int count) throws IOException {
        FileMetaData md = FooterEdit.read(baseBytes);
        List<String> names = new ArrayList<>();
        for (SchemaElement e : md.getSchema().subList(1, md.getSchema().size())) {
            names.add(e.getName());
        }
        for (int i = 0; i < count; i++) {
            int kind = rnd.nextInt(8);
            // timestamps go on the INT64 time column, where the annotation is valid
            String col = kind == 1 ? org.darkscope.event.Schema.TIME : names.get(rnd.nextInt(names.size()));
            Consumer<FileMetaData> edit;
            Expect expect = Expect.FAIL;
            String must = "'" + col + "'";
            String label;
            switch (kind) {
                case 0 -> {
                    label = "boolean";
                    edit = schema(col, e -> e.setType(Type.BOOLEAN));
                }
                case 1 -> {
                    label = "timestamp";
                    edit = schema(col, e -> {
                        e.setType(Type.INT64);
                        e.setLogicalType(LogicalType.TIMESTAMP(new TimestampType(
                                true, TimeUnit.MICROS(new org.apache.parquet.format.MicroSeconds()))));
                        e.setConverted_type(ConvertedType.TIMESTAMP_MICROS);
                    });
                }
                case 2 -> {
                    label = "string";
                    edit = schema(col, e -> {
                        e.setType(Type.BYTE_ARRAY);
                        e.setLogicalType(LogicalType.STRING(new StringType()));
                        e.setConverted_type(ConvertedType.UTF8);
                    });
                }
                case 3 -> {
                    label = "duplicate name";
                    String other = names.get(rnd.nextInt(names.size()));
                    must = other.equals(col) ? null : "'" + other + "'";
                    String from = col;
                    edit = schema(col, e -> e.setName(other)).andThen(md2 -> md2.getRow_groups()
                            .forEach(rg -> rg.getColumns().forEach(c -> {
                                if (c.getMeta_data().getPath_in_schema().equals(List.of(from))) {
                                    c.getMeta_data().setPath_in_schema(new ArrayList<>(List.of(other)));
                                }
                            })));
                    if (other.equals(col)) {
                        expect = Expect.FAIL_OR_REFERENCE;
                    }
                }
                case 4 -> {
                    label = "codec";
                    CompressionCodec codec = rnd.nextBoolean() ? CompressionCodec.BROTLI : CompressionCodec.LZO;
                    must = codec.name();
                    edit = md2 -> md2.getRow_groups()
                            .forEach(rg -> rg.getColumns().forEach(c -> {
                                if (c.getMeta_data().getPath_in_schema().equals(List.of(col))) {
                                    c.getMeta_data().setCodec(codec);
                                }
                            }));
                    if (!isRead(col)) {
                        expect = Expect.FAIL_OR_REFERENCE;
                    }
                }
                case 5 -> {
                    label = "dropped";
                    edit = FooterEdit.dropColumn(col);
                    // a dropped optional column is legal (then a cut on it is refused); a dropped derived one is
                    // recomputed
                    expect = Expect.FAIL_OR_REFERENCE;
                    must = null;
                }
                case 6 -> {
                    label = "unsigned annotation";
                    edit = schema(col, e -> {
                        if (e.getType() == Type.INT32) {
                            e.setLogicalType(LogicalType.INTEGER(new IntType((byte) 32, false)));
                        } else if (e.getType() == Type.INT64) {
                            e.setLogicalType(LogicalType.INTEGER(new IntType((byte) 64, false)));
                        }
                    });
                    // the values are non-negative in a simulated run except where noted: either it loads
                    // unchanged or a value beyond the column's range is refused
                    expect = Expect.FAIL_OR_REFERENCE;
                    must = null;
                }
                default -> {
                    label = "decimal on float";
                    edit = schema(col, e -> {
                        e.setLogicalType(LogicalType.DECIMAL(new DecimalType(2, 9)));
                        e.setScale(2);
                        e.setPrecision(9);
                    });
                    // DECIMAL on FLOAT/DOUBLE is invalid: parquet-java refuses the schema, or the column is refused
                    expect = Expect.FAIL_OR_REFERENCE;
                    must = null;
                }
            }
            if (expect == Expect.FAIL && !isRead(col)) {
                expect = Expect.FAIL_OR_REFERENCE; // derived columns in the file are not read (recomputed)
                must = null;
            }
            fileCase("type mutation " + label + " of " + col, FooterEdit.edit(baseBytes, edit), expect, must);
        }
    }

    /** True for the columns the reader reads (stored ones and cells), not the derived ones it recomputes. */
    private static boolean isRead(String col) {
        var schema = org.darkscope.event.Schema.of(org.darkscope.geometry.GeometryLoader.defaultDetector());
        return schema.cellColumns().contains(col)
                || schema.stored().stream().anyMatch(c -> c.name().equals(col));
    }

    private static Consumer<FileMetaData> schema(String col, Consumer<SchemaElement> edit) {
        return md -> md.getSchema().stream()
                .filter(e -> e.getName().equals(col) && e.getNum_children() == 0)
                .forEach(edit);
    }

    private static final String[] FIELDS = {
        "runNumber",
        "beamEnergy",
        "eot",
        "intensity",
        "geometryVersion",
        "simulated",
        "mix",
        "seed",
        "signalMassMeV",
        "generator",
        "schemaVersion",
        "description"
    };
    private static final String[] VALUES = {
        "-1",
        "-1e9",
        "0",
        "1e400",
        "\"yes\"",
        "\"\"",
        "null",
        "true",
        "[]",
        "{}",
        "1.5",
        "99999999999999999999",
        "\"na64-2099\"",
        "2",
        "\"physics\"",
        "NaN"
    };

    void metadataMutations(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String json = runJson;
            int kind = rnd.nextInt(6);
            String label;
            boolean fixChecksum = rnd.nextInt(4) != 0;
            switch (kind) {
                case 0, 1 -> {
                    String field = FIELDS[rnd.nextInt(FIELDS.length)];
                    String value = VALUES[rnd.nextInt(VALUES.length)];
                    json = json.replaceFirst(
                            "\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}|[^,}]*)",
                            "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(value));
                    label = field + "=" + value;
                }
                case 2 -> {
                    String field = FIELDS[rnd.nextInt(FIELDS.length)];
                    json = json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}|[^,}]*),?", "");
                    label = "no " + field;
                }
                case 3 -> {
                    json = json + (rnd.nextBoolean() ? " {}" : "x");
                    label = "trailing content";
                }
                case 4 -> {
                    json = json.replaceFirst("\\{", "{\"eot\":1,");
                    label = "duplicate key";
                }
                default -> {
                    int p = rnd.nextInt(json.length());
                    json = json.substring(0, p) + (char) ('0' + rnd.nextInt(10)) + json.substring(p + 1);
                    label = "digit at " + p;
                }
            }
            String finalJson = json;
            Consumer<FileMetaData> edit = FooterEdit.kv(RunFiles.KEY_RUN, finalJson);
            if (fixChecksum) {
                edit = edit.andThen(FooterEdit.kv(RunFiles.KEY_RUN_SHA256, RunFiles.sha256(finalJson)));
            }
            if (rnd.nextInt(8) == 0) {
                edit = edit.andThen(FooterEdit.kv(RunFiles.KEY_SCHEMA_VERSION, VALUES[rnd.nextInt(VALUES.length)]));
                label += " schema_version";
            }
            // without a matching checksum the change must be caught (or be no change at all: the reference);
            // re-signed metadata is a different valid file when its fields are valid, so only a clean outcome is
            // required
            fileCase(
                    "metadata " + label + (fixChecksum ? " (checksum updated)" : ""),
                    FooterEdit.edit(baseBytes, edit),
                    fixChecksum ? Expect.ANY_CLEAN : Expect.FAIL_OR_REFERENCE,
                    null);
        }
    }

    void selectionMutations(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String s = selectionJson;
            byte[] raw = null;
            int kind = rnd.nextInt(6);
            switch (kind) {
                case 0 -> {
                    int p = rnd.nextInt(s.length());
                    s = s.substring(0, p);
                }
                case 1 -> {
                    raw = s.getBytes(StandardCharsets.UTF_8);
                    raw[rnd.nextInt(raw.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                case 2 -> s = s.replaceFirst(
                        "\"kind\" : \"[a-z]+\"",
                        "\"kind\" : \"" + new String[] {"min", "max", "window", "bogus"}[rnd.nextInt(4)] + "\"");
                case 3 -> s = s.replaceFirst("\"max\" : [0-9.]+", "\"max\" : " + VALUES[rnd.nextInt(VALUES.length)]);
                case 4 -> s = s.replaceFirst(
                        "\"column\" : \"[a-z_{}0-9]+\"",
                        "\"column\" : \"" + new String[] {"nope", "chi2", "", "ecal", "srd{i}_mev"}[rnd.nextInt(5)]
                                + "\"");
                default -> s = "\uFEFF" + s + (rnd.nextBoolean() ? "" : "]");
            }
            Path f = newFile("json");
            Files.write(f, raw != null ? raw : s.getBytes(StandardCharsets.UTF_8));
            cases.add(new Case(
                    "selection mutation " + kind + " " + f.getFileName(),
                    List.of("analyse", base.toString(), "--selection", f.toString(), "--json"),
                    Expect.ANY_CLEAN,
                    null,
                    null,
                    null));
        }
    }

    /** Argument lists: valid commands with one option mutated, dropped, duplicated or replaced. */
    void argumentMutations(int count) throws IOException {
        Path existing = newFile("csv");
        Files.writeString(existing, "existing output\n");
        String[] weird = {
            "-1",
            "0",
            "NaN",
            "Infinity",
            "1e308",
            "abc",
            "",
            "2147483648",
            "-0",
            "0x10",
            "1,2",
            "--json",
            "/nonexistent/dir/x",
            dir.toString(),
            existing.toString(),
            base.toString()
        };
        List<List<String>> templates = List.of(
                List.of("info", base.toString()),
                List.of("export", base.toString(), "--csv", newFile("csv").toString()),
                List.of("export", base.toString(), "--csv", existing.toString()),
                List.of(
                        "simulate",
                        "--mix",
                        "calibration",
                        "--events",
                        "20",
                        "--threads",
                        "1",
                        "--out",
                        newFile("parquet").toString()),
                List.of(
                        "simulate",
                        "--mix",
                        "signal-brem",
                        "--mass-mev",
                        "20",
                        "--events",
                        "20",
                        "--threads",
                        "1",
                        "--out",
                        base.toString()),
                List.of("limit", "--observed", "2", "--background", "0.5"),
                List.of("limit", "--observed", "0", "--background", "0", "--method", "classical"),
                List.of("exclusion", "--eot", "3e11", "--efficiency", "0.5", "--mass-mev", "10,20"),
                List.of("bench", base.toString(), "--repetitions", "1", "--warmup", "0"),
                List.of("analyse", base.toString(), "--json"),
                List.of("infoo", "x"),
                List.of("help", "info"));
        for (int i = 0; i < count; i++) {
            List<String> args = new ArrayList<>(templates.get(rnd.nextInt(templates.size())));
            int op = rnd.nextInt(5);
            int pos = 1 + rnd.nextInt(Math.max(1, args.size() - 1));
            if (pos >= args.size()) {
                pos = args.size() - 1;
            }
            switch (op) {
                case 0 -> args.set(pos, weird[rnd.nextInt(weird.length)]);
                case 1 -> args.remove(pos);
                case 2 -> args.add(args.get(pos));
                case 3 -> args.add(
                        pos,
                        new String[] {"--bogus", "-x", "--threads", "--events", "--force", "--selection"}
                                [rnd.nextInt(6)]);
                default -> args.set(
                        0, args.get(0).substring(0, Math.max(1, args.get(0).length() - 1)));
            }
            // keep it fast and finite: no large simulations, no Feldman-Cousins on large backgrounds (another helper's
            // fix)
            if (args.contains("simulate") && args.contains("--events")) {
                int k = args.indexOf("--events");
                if (k + 1 < args.size() && args.get(k + 1).matches("[0-9]{3,}")) {
                    args.set(k + 1, "2147483647");
                }
            }
            if (args.contains("fc") || args.contains("feldman-cousins")) {
                continue;
            }
            // an output path mutated into a relative name ("-1", "NaN") would be written into the
            // working directory (the project checkout); keep every output inside the fuzz directory
            for (int k = 0; k + 1 < args.size(); k++) {
                if ((args.get(k).equals("--csv") || args.get(k).equals("--out"))
                        && !args.get(k + 1).startsWith("/")) {
                    args.set(
                            k + 1,
                            dir.resolve(args.get(k + 1).isEmpty() ? "empty" : args.get(k + 1))
                                    .toString());
                }
            }
            cases.add(new Case("arguments " + args, List.copyOf(args), Expect.ANY_CLEAN, null, null, null));
        }
    }
}
