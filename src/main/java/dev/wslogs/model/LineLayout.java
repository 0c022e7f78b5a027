package dev.wslogs.model;

import java.util.function.UnaryOperator;

/**
 * Where a text log format keeps each {@link Field} in a line, for entries that decode their values
 * only when asked ({@link AccessEntry#get}): most of an entry's fields are never read, and building
 * a String for each was most of what a parse worker allocated. One per format, shared by its entries.
 *
 * @param variableOfField per Field ordinal, the format variable that holds it (the last one when
 *                        it is named twice), or -1 when the format does not log it
 * @param unescape        what a value with a backslash becomes (the format's escape rule), or null
 *                        for escape=none
 */
public record LineLayout(int[] variableOfField, UnaryOperator<String> unescape) {
    public LineLayout {
        if (variableOfField.length != Field.COUNT) throw new IllegalArgumentException("variableOfField.length != Field.COUNT");
    }

    /** The layout of a format whose variable {@code v} holds Field ordinal {@code fieldIndex[v]} (or -1: none). */
    public static LineLayout of(int[] fieldIndex, UnaryOperator<String> unescape) {
        int[] of = new int[Field.COUNT];
        java.util.Arrays.fill(of, -1);
        for (int v = 0; v < fieldIndex.length; v++) if (fieldIndex[v] >= 0) of[fieldIndex[v]] = v;
        return new LineLayout(of, unescape);
    }

    public boolean logs(int field) {
        return variableOfField[field] >= 0;
    }

    /** The value in {@code line[from, to)} (ASCII bytes) as an entry holds it: {@link #text}, and {@code -} is {@code ""}. */
    public String value(byte[] line, int from, int to) {
        return to - from == 1 && line[from] == '-' ? "" : text(line, from, to);
    }

    /** The value in {@code line[from, to)} (ASCII bytes) as the format's parser stores it before {@code -} becomes {@code ""}: escapes undone. */
    public String text(byte[] line, int from, int to) {
        String s = new String(line, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return unescape != null && s.indexOf('\\') >= 0 ? unescape.apply(s) : s;
    }
}
