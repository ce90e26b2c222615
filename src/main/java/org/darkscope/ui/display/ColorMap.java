package org.darkscope.ui.display;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * A perceptual colour map read from {@code resources/colormaps/NAME.csv} (one "r,g,b" line per
 * level, components in 0..1; see resources/colormaps/README.md for where the tables come from).
 * Level 0 is the lowest energy shown, level {@code levels()-1} the highest ("top colour").
 */
public final class ColorMap {
    /** Default map: viridis (its darkest level stays visible on the dark 3D background). */
    public static final String VIRIDIS = "viridis";
    /** Alternative map: inferno (black-red-yellow). */
    public static final String INFERNO = "inferno";

    private final String name;
    private final Color[] colors;

    private ColorMap(String name, Color[] colors) {
        this.name = name;
        this.colors = colors;
    }

    /** Loads a colour map by name from the class path ({@code /colormaps/NAME.csv}). */
    public static ColorMap load(String name) {
        String path = "/colormaps/" + name + ".csv";
        try (InputStream in = ColorMap.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("unknown colour map '" + name + "' (no resource " + path + ")");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Color> list = new ArrayList<>();
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split(",");
                if (p.length != 3) {
                    throw new IllegalArgumentException(path + " line " + lineNo + ": expected r,g,b");
                }
                list.add(Color.color(Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])));
            }
            if (list.size() < 2) {
                throw new IllegalArgumentException(path + " holds fewer than 2 colours");
            }
            return new ColorMap(name, list.toArray(Color[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read colour map " + path, e);
        }
    }

    public String name() {
        return name;
    }

    public int levels() {
        return colors.length;
    }

    public Color color(int level) {
        return colors[Math.max(0, Math.min(colors.length - 1, level))];
    }

    /** Level for a position {@code t} in 0..1 (clamped). */
    public int levelOf(double t) {
        if (!(t > 0)) {
            return 0;
        }
        if (t >= 1) {
            return colors.length - 1;
        }
        return (int) Math.round(t * (colors.length - 1));
    }

    public Color colorAt(double t) {
        return colors[levelOf(t)];
    }

    /** The colour of the highest level. */
    public Color top() {
        return colors[colors.length - 1];
    }

    @Override
    public String toString() {
        return name;
    }
}
