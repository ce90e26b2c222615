package org.darkscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.darkscope.analysis.AnalysisResult;
import org.darkscope.analysis.Selection;
import org.darkscope.analysis.SignalBox;
import org.darkscope.event.Schema;
import org.darkscope.testsupport.ReportRuns;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Figures in PNG, SVG and PDF: exact size, filling the image, readable text, blinding respected. */
class FigureOutputTest {
    private static final AnalysisResult BLINDED = ReportRuns.evaluate(Selection.published());
    private static final AnalysisResult OPEN =
            ReportRuns.evaluate(Selection.published().withBlinded(false));

    private static boolean ink(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        return rgb != 0xffffff;
    }

    /** Fraction of the width at which the first dark pixel of the middle row sits (the left frame). */
    private static double leftFrame(BufferedImage img) {
        int y = img.getHeight() / 2;
        for (int x = 0; x < img.getWidth(); x++) {
            int rgb = img.getRGB(x, y) & 0xffffff;
            if (((rgb >> 16) & 255) < 60 && ((rgb >> 8) & 255) < 60 && (rgb & 255) < 60 && x > img.getWidth() * 0.03) {
                return (double) x / img.getWidth();
            }
        }
        return -1;
    }

    @Test
    void pngHasTheRequestedPixelsAndTheContentReachesEveryEdge() throws Exception {
        Figure f = Figures.plane(BLINDED, ReportRuns.DATA, true);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(FigureFiles.png(f, 3840, 2160)));
        assertEquals(3840, img.getWidth());
        assertEquals(2160, img.getHeight());
        // ink within 6 % of each edge: not drawn at screen size in a corner
        int w = img.getWidth();
        int h = img.getHeight();
        assertTrue(anyInk(img, 0, (int) (w * 0.06), 0, h), "left edge region empty");
        assertTrue(anyInk(img, (int) (w * 0.94), w, 0, h), "right edge region empty");
        assertTrue(anyInk(img, 0, w, 0, (int) (h * 0.06)), "top edge region empty");
        assertTrue(anyInk(img, 0, w, (int) (h * 0.94), h), "bottom edge region empty");
    }

    private static boolean anyInk(BufferedImage img, int x0, int x1, int y0, int y1) {
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1; x += 2) {
                if (ink(img, x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void layoutScalesWithTheSizeInsteadOfStretchingOrShrinking() throws Exception {
        Figure f = Figures.cutFlow(BLINDED);
        BufferedImage small = FigureFiles.image(f, 960, 540);
        BufferedImage big = FigureFiles.image(f, 3840, 2160);
        double a = leftFrame(small);
        double b = leftFrame(big);
        assertTrue(a > 0 && b > 0, "no frame found");
        // the same relative layout (fonts and margins scale with the size)
        assertEquals(a, b, 0.01);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> texts(Document d) {
        NodeList nl = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<Element> l = new ArrayList<>();
        for (int i = 0; i < nl.getLength(); i++) {
            l.add((Element) nl.item(i));
        }
        return l;
    }

    @Test
    void svgIsXmlWithAxisLabelsWithUnitsAndTheBlindedBox() throws Exception {
        Document d = parse(FigureFiles.svg(Figures.plane(BLINDED, ReportRuns.DATA, true), 1200, 800));
        assertEquals("1200", d.getDocumentElement().getAttribute("width"));
        List<String> t = texts(d).stream().map(Element::getTextContent).toList();
        assertTrue(t.contains("E_ECAL [GeV]"), t.toString());
        assertTrue(t.contains("E_HCAL [GeV]"), t.toString());
        assertTrue(t.contains("box: blinded"), t.toString());
        assertTrue(t.stream().noneMatch(s -> s.contains("[]")), t.toString());
    }

    @Test
    void unblindedPlaneCountsTheBoxLikeAnIndependentCount() throws Exception {
        // independent count: selected events (unblinded) with E_ECAL and E_HCAL below the box edges
        SignalBox box = OPEN.selection().box();
        float[] ecal = ReportRuns.DATA.floats(Schema.ECAL);
        float[] hcal = ReportRuns.DATA.floats(Schema.HCAL);
        long n = 0;
        for (int e : OPEN.run(ReportRuns.DATA).selectedEvents()) {
            if (ecal[e] >= 0 && ecal[e] < box.ecalMax() && hcal[e] >= 0 && hcal[e] < box.hcalMax()) {
                n++;
            }
        }
        assertTrue(n > 0, "the synthetic data must populate the box");
        List<String> t = texts(parse(FigureFiles.svg(Figures.plane(OPEN, ReportRuns.DATA, true), 1200, 800))).stream()
                .map(Element::getTextContent)
                .toList();
        assertTrue(t.contains("box: " + n), t.toString());
        assertFalse(t.contains("box: blinded"));
    }

    @Test
    void pdfHasOnePageWithTheFigureText() throws Exception {
        byte[] pdf = FigureFiles.pdf(List.of(Figures.cutFlow(BLINDED)), 1600, 1000);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("fraction of events left"), text);
            assertTrue(text.contains("signal annihilation 225 MeV"), text);
            assertTrue(text.contains("signal brem 225 MeV"), text);
        }
    }

    @Test
    void legendGoesWhereThereIsNoData() throws Exception {
        // data only in the top-right corner: the legend must not be there
        Figure f = new Figure("", Figure.Axis.linear("x", "cm", 0, 10), Figure.Axis.linear("y", "", 0, 10));
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = 6 + 4 * (i % 10) / 10.0;
            y[i] = 6 + 4 * (i / 10) / 5.0;
        }
        f.add(new Figure.Points("corner data", x, y, null, null, Rgb.BLACK));
        Element legend = texts(parse(FigureFiles.svg(f, 1000, 700))).stream()
                .filter(e -> e.getTextContent().equals("corner data"))
                .findFirst()
                .orElseThrow();
        assertTrue(Double.parseDouble(legend.getAttribute("x")) < 500, "legend at x " + legend.getAttribute("x"));
    }

    @Test
    void writesByExtensionAndRefusesOtherFormatsAndSizes(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Figure f = Figures.exclusion(List.of(), true, false, null, null);
        FigureFiles.write(f, dir.resolve("x.svg"), 800, 500);
        assertTrue(Files.readString(dir.resolve("x.svg")).startsWith("<?xml"));
        FigureFiles.write(f, dir.resolve("x.png"), 800, 500);
        assertEquals(800, ImageIO.read(dir.resolve("x.png").toFile()).getWidth());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> FigureFiles.write(f, dir.resolve("x.gif"), 800, 500));
        assertTrue(e.getMessage().contains(".png, .svg or .pdf"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FigureFiles.parseSize("3840by2160"));
        assertEquals(
                List.of(3840, 2160),
                java.util.Arrays.stream(FigureFiles.parseSize("3840x2160"))
                        .boxed()
                        .toList());
    }

    @Test
    void axisLabelHasBracketsOnlyWithAUnit() {
        assertEquals(
                "events / bin", Figure.Axis.linear("events / bin", "", 0, 1).label());
        assertEquals("E_ECAL [GeV]", Figure.Axis.linear("E_ECAL", "GeV", 0, 1).label());
    }
}
