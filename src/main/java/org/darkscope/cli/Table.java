package org.darkscope.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns (first column left, others right-aligned). */
final class Table {
    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    Table(String... header) {
        this.columns = header.length;
        rows.add(header);
    }

    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + columns);
        }
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int[] w = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int k = 0; k < rows.size(); k++) {
            String[] r = rows.get(k);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                if (i > 0) {
                    sb.append("  ");
                }
                String pad = " ".repeat(w[i] - r[i].length());
                sb.append(i == 0 ? r[i] + pad : pad + r[i]);
            }
            out.println(sb.toString().stripTrailing());
            if (k == 0) {
                int total = 0;
                for (int x : w) {
                    total += x;
                }
                out.println("-".repeat(total + 2 * (columns - 1)));
            }
        }
    }
}
