package org.darkscope.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.darkscope.event.RunInfo;
import org.darkscope.event.Schema;

/**
 * Makes big run files for opening benchmarks (not a test). {@code TileRunFile IN OUT 1} reads IN and
 * writes it again with this writer (derived columns and their fingerprint stored).
 * {@code TileRunFile IN OUT K} copies IN's compressed pages K times into OUT (one file copy each, no
 * decoding) with a footer listing each copy's row groups (disk speed: a 1e8-event file from a 1e6-event one in a minute or two, about 10 GB): the same
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
            // the data pages of IN (between the leading magic and the end of its last column chunk)
            // are copied k times as they are; the footer lists each copy's chunks at shifted offsets
            long dataEnd = 0;
            for (BlockMetaData b : blocks) {
                for (ColumnChunkMetaData cm : b.getColumns()) {
                    dataEnd = Math.max(dataEnd, cm.getStartingPos() + cm.getTotalSize());
                }
            }
            long copy = dataEnd - 4;
            List<BlockMetaData> shifted = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                long shift = i * copy;
                for (BlockMetaData b : blocks) {
                    BlockMetaData nb = new BlockMetaData();
                    nb.setRowCount(b.getRowCount());
                    nb.setTotalByteSize(b.getTotalByteSize());
                    for (ColumnChunkMetaData cm : b.getColumns()) {
                        nb.addColumn(ColumnChunkMetaData.get(
                                cm.getPath(),
                                cm.getPrimitiveType(),
                                cm.getCodec(),
                                cm.getEncodingStats(),
                                cm.getEncodings(),
                                cm.getStatistics(),
                                cm.getFirstDataPageOffset() + shift,
                                cm.getDictionaryPageOffset() == 0 ? 0 : cm.getDictionaryPageOffset() + shift,
                                cm.getValueCount(),
                                cm.getTotalSize(),
                                cm.getTotalUncompressedSize()));
                    }
                    shifted.add(nb);
                }
            }
            ParquetMetadata footer = new ParquetMetadata(
                    new FileMetaData(
                            r.getFooter().getFileMetaData().getSchema(),
                            meta,
                            r.getFooter().getFileMetaData().getCreatedBy()),
                    shifted);
            try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ);
                    FileChannel dst = FileChannel.open(
                            out,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                dst.write(ByteBuffer.wrap(ParquetFileWriter.MAGIC));
                for (int i = 0; i < k; i++) {
                    long done = 0;
                    while (done < copy) {
                        done += src.transferTo(4 + done, copy - done, dst);
                    }
                    System.out.printf(Locale.ROOT, "copy %d of %d%n", i + 1, k);
                }
                ByteArrayOutputStream f = new ByteArrayOutputStream();
                Util.writeFileMetaData(
                        new ParquetMetadataConverter().toParquetMetadata(ParquetFileWriter.CURRENT_VERSION, footer), f);
                ByteBuffer tail = ByteBuffer.allocate(f.size() + 8).order(ByteOrder.LITTLE_ENDIAN);
                tail.put(f.toByteArray())
                        .putInt(f.size())
                        .put(ParquetFileWriter.MAGIC)
                        .flip();
                while (tail.hasRemaining()) {
                    dst.write(tail);
                }
            }
        }
    }
}
