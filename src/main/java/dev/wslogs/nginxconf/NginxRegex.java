package dev.wslogs.nginxconf;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The PCRE regexes of a configuration, compiled once to {@link Pattern}s. PCRE and Java agree on
 * what nginx configurations use, except for named groups: PCRE accepts {@code (?P<name>...)},
 * {@code (?'name'...)} and names with underscores, Java does not, so named groups become plain
 * groups (nothing here reads captures). nginx matches unanchored, so callers use {@code find()}.
 */
final class NginxRegex {

    private final Map<String, Pattern> compiled = new HashMap<>();

    /** Compiles (once) a regex of the configuration; the error names where it was written. */
    Pattern compile(String regex, boolean caseless, SourceRef where) throws NginxConfException {
        String key = (caseless ? "i:" : "s:") + regex;
        Pattern p = compiled.get(key);
        if (p != null) return p;
        try {
            p = Pattern.compile(toJava(regex), caseless ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new NginxConfException(where, regex,
                    "cannot compile regex \"" + regex + "\": " + e.getDescription());
        }
        compiled.put(key, p);
        return p;
    }

    /** A regex compiled earlier by {@link #compile}. */
    Pattern get(String regex, boolean caseless) {
        Pattern p = compiled.get((caseless ? "i:" : "s:") + regex);
        if (p == null) throw new IllegalStateException("regex was not compiled at load: " + regex);
        return p;
    }

    static String toJava(String pcre) {
        StringBuilder out = new StringBuilder(pcre.length());
        boolean inClass = false;
        int i = 0;
        while (i < pcre.length()) {
            char c = pcre.charAt(i);
            if (c == '\\' && i + 1 < pcre.length()) {
                out.append(c).append(pcre.charAt(i + 1));
                i += 2;
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (pcre.startsWith("[]", i) || pcre.startsWith("[^]", i)) {
                    int len = pcre.startsWith("[]", i) ? 2 : 3;
                    out.append(pcre, i, i + len);
                    i += len;
                    continue;
                }
            } else if (c == '(') {
                int skip = namedGroupPrefix(pcre, i);
                if (skip > 0) {
                    out.append('(');
                    i += skip;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** Length of {@code (?<name>}, {@code (?P<name>} or {@code (?'name'} at {@code i}, else 0. */
    private static int namedGroupPrefix(String s, int i) {
        int j;
        char close;
        if (s.startsWith("(?P<", i)) {
            j = i + 4;
            close = '>';
        } else if (s.startsWith("(?<", i)) {
            j = i + 3;
            close = '>';
        } else if (s.startsWith("(?'", i)) {
            j = i + 3;
            close = '\'';
        } else {
            return 0;
        }
        int start = j;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
        if (j == start || j >= s.length() || s.charAt(j) != close) return 0;
        return j + 1 - i;
    }
}
