package dev.wslogs.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code log_format} template split into literal text and variables, as nginx compiles it
 * (ngx_http_log_compile_format): {@code $name} where name is {@code [A-Za-z0-9_]+}, or
 * {@code ${name}}; everything else is literal.
 */
public record LogFormatTemplate(String source, List<Segment> segments) {

    public sealed interface Segment permits Literal, Variable {}

    public record Literal(String text) implements Segment {}

    public record Variable(String name) implements Segment {}

    public LogFormatTemplate {
        Objects.requireNonNull(source);
        segments = List.copyOf(segments);
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException naming the column of a bad {@code $} or unclosed {@code ${}
     */
    public static LogFormatTemplate compile(String source) {
        List<Segment> out = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c != '$') {
                lit.append(c);
                i++;
                continue;
            }
            int start = i + 1;
            String name;
            if (start < n && source.charAt(start) == '{') {
                int close = source.indexOf('}', start);
                if (close < 0) throw new IllegalArgumentException("unclosed \"${\" at column " + (i + 1) + " of log_format: " + source);
                name = source.substring(start + 1, close);
                i = close + 1;
            } else {
                int j = start;
                while (j < n && isNameChar(source.charAt(j))) j++;
                name = source.substring(start, j);
                i = j;
            }
            if (name.isEmpty() || !name.chars().allMatch(ch -> isNameChar((char) ch))) {
                throw new IllegalArgumentException("invalid variable name at column " + (start) + " of log_format: " + source);
            }
            if (lit.length() > 0) {
                out.add(new Literal(lit.toString()));
                lit.setLength(0);
            }
            out.add(new Variable(name));
        }
        if (lit.length() > 0) out.add(new Literal(lit.toString()));
        return new LogFormatTemplate(source, out);
    }

    static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    public List<String> variableNames() {
        List<String> names = new ArrayList<>();
        for (Segment s : segments) if (s instanceof Variable v) names.add(v.name());
        return names;
    }
}
