package org.darkscope.report;

/**
 * Text widths from Helvetica's advance widths (per 1000 units of the font size), so that the layout is
 * the same in every back-end and on machines without fonts.
 */
public final class TextMetrics {
    private static final int[] ASCII = new int[128];

    static {
        String[] w = {
            " 278", "! 278", "\" 355", "# 556", "$ 556", "% 889", "& 667", "' 191", "( 333", ") 333", "* 389", "+ 584",
            ", 278", "- 333", ". 278", "/ 278", "0 556", "1 556", "2 556", "3 556", "4 556", "5 556", "6 556", "7 556",
            "8 556", "9 556", ": 278", "; 278", "< 584", "= 584", "> 584", "? 556", "@ 1015", "A 667", "B 667", "C 722",
            "D 722", "E 667", "F 611", "G 778", "H 722", "I 278", "J 500", "K 667", "L 556", "M 833", "N 722", "O 778",
            "P 667", "Q 778", "R 722", "S 667", "T 611", "U 722", "V 667", "W 944", "X 667", "Y 667", "Z 611", "[ 278",
            "\\ 278", "] 278", "^ 469", "_ 556", "` 333", "a 556", "b 556", "c 500", "d 556", "e 556", "f 278", "g 556",
            "h 556", "i 222", "j 222", "k 500", "l 222", "m 833", "n 556", "o 556", "p 556", "q 556", "r 333", "s 500",
            "t 278", "u 556", "v 500", "w 722", "x 500", "y 500", "z 500", "{ 334", "| 260", "} 334", "~ 584"
        };
        java.util.Arrays.fill(ASCII, 556);
        for (String s : w) {
            ASCII[s.charAt(0)] = Integer.parseInt(s.substring(2));
        }
    }

    private TextMetrics() {}

    /** Width of s in pixels at the given font size. */
    public static double width(String s, double size) {
        double u = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            u += c < 128 ? ASCII[c] : 600;
        }
        return u * size / 1000;
    }
}
