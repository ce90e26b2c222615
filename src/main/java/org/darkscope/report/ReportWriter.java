package org.darkscope.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Writes an {@link AnalysisReport} as one self-contained HTML page (figures inline as SVG, no external
 * file) and as a PDF (A4 landscape: the tables, then one page per figure, drawn by the same renderer).
 */
public final class ReportWriter {
    /** Figure size in the HTML page (scaled to the page width by CSS). */
    static final int HTML_FIGURE_W = 1200;

    static final int HTML_FIGURE_H = 750;
    /** A4 landscape at 96 dpi. */
    static final double PAGE_W = 1123;

    static final double PAGE_H = 794;
    static final double MARGIN = 48;

    private ReportWriter() {}

    static String esc(String s) {
        return SvgCanvas.escape(s);
    }

    public static String html(AnalysisReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(r.title()))
                .append("</title>\n")
                .append(
                        "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:1250px;margin:2em auto;padding:0 1em;color:#111}")
                .append("table{border-collapse:collapse;margin:0.6em 0 1.2em 0;font-size:0.9em}")
                .append("th,td{border:1px solid #bbb;padding:0.25em 0.6em;text-align:left;vertical-align:top}")
                .append("th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("figure{margin:1em 0 2em 0}svg{max-width:100%;height:auto;display:block}")
                .append("figcaption{color:#444;margin-top:0.3em}code{word-break:break-all}</style></head><body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n");
        for (AnalysisReport.Section s : r.sections()) {
            b.append("<h2>").append(esc(s.title())).append("</h2>\n");
            for (AnalysisReport.Block k : s.blocks()) {
                if (k instanceof AnalysisReport.Paragraph p) {
                    b.append("<p>").append(esc(p.text())).append("</p>\n");
                } else if (k instanceof AnalysisReport.Table t) {
                    b.append("<table><thead><tr>");
                    for (String h : t.header()) {
                        b.append("<th>").append(esc(h)).append("</th>");
                    }
                    b.append("</tr></thead><tbody>\n");
                    for (List<String> row : t.rows()) {
                        b.append("<tr>");
                        for (String c : row) {
                            boolean numeric = c.matches("[-+0-9.eE]+");
                            b.append(numeric ? "<td class=\"n\">" : "<td>")
                                    .append(
                                            c.length() == 64 && c.matches("[0-9a-f]+")
                                                    ? "<code>" + c + "</code>"
                                                    : esc(c))
                                    .append("</td>");
                        }
                        b.append("</tr>\n");
                    }
                    b.append("</tbody></table>\n");
                } else if (k instanceof AnalysisReport.FigureBlock f) {
                    b.append("<figure>")
                            .append(FigureFiles.svgElement(f.figure(), HTML_FIGURE_W, HTML_FIGURE_H))
                            .append("<figcaption>")
                            .append(esc(f.caption()))
                            .append("</figcaption></figure>\n");
                }
            }
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    /** The report as a PDF: text and tables first, then one page per figure. */
    public static byte[] pdf(AnalysisReport r) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            TextPages pages = new TextPages(doc);
            pages.line(r.title(), 20, true);
            List<AnalysisReport.FigureBlock> figs = new ArrayList<>();
            for (AnalysisReport.Section s : r.sections()) {
                pages.gap(10);
                pages.line(s.title(), 15, true);
                for (AnalysisReport.Block k : s.blocks()) {
                    if (k instanceof AnalysisReport.Paragraph p) {
                        pages.paragraph(p.text(), 10.5);
                    } else if (k instanceof AnalysisReport.Table t) {
                        pages.table(t);
                    } else if (k instanceof AnalysisReport.FigureBlock f) {
                        figs.add(f);
                        pages.paragraph("Figure " + figs.size() + " (page after the tables): " + f.caption(), 10.5);
                    }
                }
            }
            pages.close();
            for (AnalysisReport.FigureBlock f : figs) {
                FigureFiles.addPage(doc, f.figure(), (int) PAGE_W, (int) PAGE_H);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Flowing text and tables over A4 landscape pages. */
    static final class TextPages {
        private final PDDocument doc;
        private PdfCanvas c;
        private double y;

        TextPages(PDDocument doc) {
            this.doc = doc;
        }

        private PdfCanvas canvas() throws IOException {
            if (c == null) {
                c = new PdfCanvas(doc, PAGE_W, PAGE_H);
                y = MARGIN;
            }
            return c;
        }

        private void need(double h) throws IOException {
            canvas();
            if (y + h > PAGE_H - MARGIN) {
                close();
                canvas();
            }
        }

        void close() throws IOException {
            if (c != null) {
                c.close();
                c = null;
            }
        }

        void gap(double g) {
            y += g;
        }

        void line(String s, double size, boolean bold) throws IOException {
            need(size * 1.5);
            y += size * 1.2;
            canvas().text(s, MARGIN, y, size, 0, false, Rgb.BLACK);
            if (bold) {
                c.line(MARGIN, y + size * 0.3, MARGIN + c.textWidth(s, size), y + size * 0.3, Rgb.BLACK, 0.8, null);
            }
            y += size * 0.4;
        }

        void paragraph(String text, double size) throws IOException {
            double maxW = PAGE_W - 2 * MARGIN;
            StringBuilder l = new StringBuilder();
            for (String w : text.split(" ")) {
                String t = l.length() == 0 ? w : l + " " + w;
                if (l.length() > 0 && canvas().textWidth(t, size) > maxW) {
                    line(l.toString(), size, false);
                    l = new StringBuilder(w);
                } else {
                    l = new StringBuilder(t);
                }
            }
            if (l.length() > 0) {
                line(l.toString(), size, false);
            }
            y += size * 0.4;
        }

        private String fit(String s, double size, double maxW) throws IOException {
            if (canvas().textWidth(s, size) <= maxW) {
                return s;
            }
            String t = s;
            while (t.length() > 1 && canvas().textWidth(t + "…", size) > maxW) {
                t = t.substring(0, t.length() - 1);
            }
            return t + "…";
        }

        void table(AnalysisReport.Table t) throws IOException {
            int n = t.header().size();
            double size = 10;
            double maxW = PAGE_W - 2 * MARGIN;
            double[] w = new double[n];
            double pad = 6;
            for (; size > 8; size -= 0.5) {
                java.util.Arrays.fill(w, 0);
                for (int i = 0; i < n; i++) {
                    w[i] = canvas().textWidth(t.header().get(i), size) + 2 * pad;
                    for (List<String> row : t.rows()) {
                        w[i] = Math.max(w[i], canvas().textWidth(row.get(i), size) + 2 * pad);
                    }
                    w[i] = Math.min(w[i], maxW * 0.3);
                }
                if (java.util.Arrays.stream(w).sum() <= maxW) {
                    break;
                }
            }
            double total = java.util.Arrays.stream(w).sum();
            if (total > maxW) {
                for (int i = 0; i < n; i++) {
                    w[i] *= maxW / total;
                }
            }
            double rowH = size * 1.6;
            y += size * 0.5;
            header(t, w, size, rowH, pad);
            for (List<String> row : t.rows()) {
                if (y + rowH > PAGE_H - MARGIN) {
                    close();
                    canvas();
                    header(t, w, size, rowH, pad);
                }
                row(row, w, size, rowH, pad, false);
            }
            y += size;
        }

        private void header(AnalysisReport.Table t, double[] w, double size, double rowH, double pad)
                throws IOException {
            need(rowH * 2);
            row(t.header(), w, size, rowH, pad, true);
        }

        private void row(List<String> cells, double[] w, double size, double rowH, double pad, boolean head)
                throws IOException {
            double x = MARGIN;
            double tw = java.util.Arrays.stream(w).sum();
            if (head) {
                c.fillRect(x, y, tw, rowH, Rgb.of(235, 235, 235));
            }
            for (int i = 0; i < cells.size(); i++) {
                String s = fit(cells.get(i), size, w[i] - 2 * pad);
                boolean numeric = !head && s.matches("[-+0-9.eE]+");
                c.text(s, numeric ? x + w[i] - pad : x + pad, y + rowH * 0.68, size, numeric ? 1 : 0, false, Rgb.BLACK);
                x += w[i];
            }
            c.line(MARGIN, y + rowH, MARGIN + tw, y + rowH, Rgb.of(180, 180, 180), 0.6, null);
            y += rowH;
        }
    }
}
