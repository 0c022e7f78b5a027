package dev.wslogs.nginxconf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * glob(3) as nginx calls it for {@code include} (flags 0): {@code *}, {@code ?} and {@code [...]}
 * within one path component, a leading dot matched only explicitly, backslash escapes, and results
 * sorted by byte value (nginx never calls setlocale, so strcoll is strcmp).
 */
final class Glob {

    /** Byte-wise order of the UTF-8 encodings, as strcmp orders the names glob(3) returns. */
    static final Comparator<String> NGINX_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Glob() {
    }

    /** nginx decides glob-or-file with {@code strpbrk(name, "*?[")}. */
    static boolean isPattern(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    /** A regex matching one path component against a glob component. */
    static Pattern component(String glob) {
        StringBuilder re = new StringBuilder();
        if (!glob.startsWith(".")) {
            re.append("(?!\\.)");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> i = bracket(glob, i, re);
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        i++;
                    }
                    re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** A regex matching a whole slash-separated path against a glob, component by component. */
    static Pattern path(String glob) {
        String[] parts = glob.split("/", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) re.append('/');
            re.append(isPattern(parts[i]) ? component(parts[i]).pattern() : Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    /** Appends a bracket expression; returns the index of its closing bracket. */
    private static int bracket(String glob, int open, StringBuilder re) {
        int i = open + 1;
        boolean negate = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negate) i++;
        int firstMember = i;
        while (i < glob.length() && (glob.charAt(i) != ']' || i == firstMember)) {
            i++;
        }
        if (i >= glob.length()) {
            re.append(Pattern.quote("["));
            return open;
        }
        StringBuilder set = new StringBuilder(negate ? "[^/" : "[");
        for (int j = firstMember; j < i; j++) {
            char c = glob.charAt(j);
            if (c == '-' && j > firstMember && j < i - 1) {
                set.append('-');
            } else {
                set.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-'
                        ? "\\" + c : String.valueOf(c));
            }
        }
        re.append(set).append(']');
        return i;
    }
}
