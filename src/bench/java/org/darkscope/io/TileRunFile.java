package org.darkscope.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;

/**
 * Makes big run files for opening benchmarks (not a test). {@code TileRunFile IN OUT 1} reads IN and
 * writes it again with this writer (derived columns and their fingerprint stored).
 * {@code TileRunFile IN OUT K} copies IN's compressed row groups K times into OUT without decoding
 * them (disk speed: a 1e8-event file from a 1e6-event one in a minute or two, about 10 GB): the same
 * events K times, EOT multiplied by K, and the derivation fingerprint of the tiled footer, so the
 * tiled run opens through the stored derived columns like IN.
 *
 * <p>Usage: {@code java -cp $BENCH_CP org.darkscope.io.TileRunFile IN.parquet OUT.parquet K}</p>
 */
public final class TileRunFile {
    private TileRunFile() {}

    public static void main(String[] args) throws Exception {
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int k = Integer.parseInt(args[2]);
        long t0 = System.nanoTime();
        if (k == 1) {
            RunFiles.write(RunFiles.read(in), out);
        } else {
            tile(in, out, k);
        }
        System.out.printf(
                Locale.ROOT,
                "%s: %,d bytes in %.1f s; derived columns: %s%n",
                out,
                Files.size(out),
                (System.nanoTime() - t0) / 1e9,
                RunFiles.derivation(out));
    }

    static void tile(Path in, Path out, int k) throws Exception {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(in))) {
            ParquetRunReader.Header h = new RunFileHeader(in).read(r);
            if (!DerivedColumns.check(h).stored()) {
                throw new IllegalArgumentException(in + ": rewrite it first with K = 1 (no stored derivation)");
            }
            long events = (long) h.events() * k;
            if (events > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(events + " events: more than a run holds");
            }
            List<BlockMetaData> blocks = r.getFooter().getBlocks();
            List<BlockMetaData> all = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                all.addAll(blocks);
            }
            RunInfo info = h.info()
                    .withEot(h.info().eot() * k)
                    .withDescription(h.info().description() + " (tiled " + k + " times by TileRunFile)");
            String json = RunInfoJson.toJson(info);
            Map<String, String> meta =
                    new LinkedHashMap<>(r.getFooter().getFileMetaData().getKeyValueMetaData());
            meta.put(RunFiles.KEY_RUN, json);
            meta.put(RunFiles.KEY_RUN_SHA256, RunFiles.sha256(json));
            meta.put(
                    DerivedColumns.KEY_FINGERPRINT,
                    DerivedColumns.fingerprint(all, Schema.of(h.detector()), DerivedColumns.geometry(h)));
            ParquetFileWriter w = new ParquetFileWriter(
                    new LocalOutputFile(out),
                    r.getFooter().getFileMetaData().getSchema(),
                    ParquetFileWriter.Mode.OVERWRITE,
                    128L << 20,
                    0);
            w.start();
            try (SeekableInputStream s = new LocalInputFile(in).newStream()) {
                for (int i = 0; i < k; i++) {
                    w.appendRowGroups(s, blocks, false);
                    System.out.printf(Locale.ROOT, "copy %d of %d%n", i + 1, k);
                }
            }
            w.end(meta);
        }
    }
}
