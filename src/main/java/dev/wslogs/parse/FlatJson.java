package dev.wslogs.parse;

import java.util.function.BiConsumer;

/**
 * A small, lenient reader for one flat JSON object per line, as nginx's {@code escape=json} writes
 * it. Lenient where nginx is: raw bytes ≥ 0x80 arrive here already as {@code \xHH} text (see
 * LineDecoder) and are kept as such; an unknown escape is kept verbatim. Nested values are passed
 * on as their raw text. Returns false on anything that is not an object.
 */
final class FlatJson {
    private FlatJson() {}

    static boolean forEach(String s, BiConsumer<String, String> out) {
        int n = s.length();
        int i = skipWs(s, 0);
        if (i >= n || s.charAt(i) != '{') return false;
        i = skipWs(s, i + 1);
        if (i < n && s.charAt(i) == '}') return skipWs(s, i + 1) == n;
        StringBuilder sb = new StringBuilder();
        while (i < n) {
            if (s.charAt(i) != '"') return false;
            i = readString(s, i + 1, sb);
            if (i < 0) return false;
            String key = sb.toString();
            i = skipWs(s, i);
            if (i >= n || s.charAt(i) != ':') return false;
            i = skipWs(s, i + 1);
            if (i >= n) return false;
            String value;
            char c = s.charAt(i);
            if (c == '"') {
                i = readString(s, i + 1, sb);
                if (i < 0) return false;
                value = sb.toString();
            } else if (c == '{' || c == '[') {
                int end = skipNested(s, i);
                if (end < 0) return false;
                value = s.substring(i, end);
                i = end;
            } else {
                int j = i;
                while (j < n && ",} \t".indexOf(s.charAt(j)) < 0) j++;
                if (j == i) return false;
                value = s.substring(i, j);
                if (value.equals("null")) value = "";
                i = j;
            }
            out.accept(key, value);
            i = skipWs(s, i);
            if (i >= n) return false;
            if (s.charAt(i) == ',') {
                i = skipWs(s, i + 1);
            } else if (s.charAt(i) == '}') {
                return skipWs(s, i + 1) == n;
            } else {
                return false;
            }
        }
        return false;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        return i;
    }

    /** Reads a string body starting after the opening quote; returns the index after the close. */
    private static int readString(String s, int i, StringBuilder sb) {
        sb.setLength(0);
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') return i + 1;
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) return -1;
            char e = s.charAt(i + 1);
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'n' -> sb.append("\\n");
                case 'r' -> sb.append("\\r");
                case 't' -> sb.append("\\t");
                case 'b' -> sb.append("\\b");
                case 'f' -> sb.append("\\f");
                case 'u' -> {
                    if (i + 6 <= n && hex4(s, i + 2) >= 0) {
                        int cp = hex4(s, i + 2);
                        if (cp >= 0x20 && cp != 0x7F) {
                            sb.append((char) cp);
                        } else {
                            sb.append(s, i, i + 6); // control characters stay escaped
                        }
                        i += 6;
                        continue;
                    }
                    sb.append("\\u");
                }
                default -> sb.append('\\').append(e); // nginx never writes these; keep them visible
            }
            i += 2;
        }
        return -1;
    }

    private static int hex4(String s, int i) {
        int v = 0;
        for (int k = i; k < i + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    }

    private static int skipNested(String s, int i) {
        int depth = 0;
        boolean inStr = false;
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (inStr) {
                if (c == '\\') j++;
                else if (c == '"') inStr = false;
            } else if (c == '"') {
                inStr = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) return j + 1;
            }
        }
        return -1;
    }
}
