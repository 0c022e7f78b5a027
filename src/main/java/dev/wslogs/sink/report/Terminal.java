package dev.wslogs.sink.report;

/**
 * Makes log text safe for a terminal: every control character (C0, DEL, C1, and the escape that
 * starts ANSI sequences) is shown as {@code \xHH}, so a crafted request line cannot move the cursor,
 * recolour the screen or hide text.
 */
public final class Terminal {
    private Terminal() {}

    public static String safe(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 && c != '\n' || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029'
                    || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (bad || c == '\n') {
                if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                if (c < 0x100) sb.append(String.format("\\x%02X", (int) c));
                else sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }
}
