package dev.wslogs.lab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields the lab checks from one line of the {@code combined} or {@code extended} format. The
 * default escaping turns {@code "} into {@code \x22}, so quoted fields never contain a raw quote.
 * The extended tail is matched from the end because the unquoted {@code $upstream_*} lists may
 * contain spaces ({@code 502, 502}, {@code … : …}).
 */
public record AccessLine(String remoteAddr, String timeLocal, String request, int status, String rest,
        long connection, long pid) {
    private static final Pattern COMBINED =
            Pattern.compile("^(\\S+) - \\S+ \\[([^\\]]+)\\] \"([^\"]*)\" (\\d{3}) \\d+ \"[^\"]*\" \"[^\"]*\"(.*)$", Pattern.DOTALL);
    private static final Pattern EXTENDED_TAIL = Pattern.compile(" (\\d+) (\\d+) (\\d+) \"[^\"]*\" \"[^\"]*\"$");

    public static Optional<AccessLine> parse(String line) {
        Matcher m = COMBINED.matcher(line);
        if (!m.matches()) return Optional.empty();
        long connection = -1;
        long pid = -1;
        Matcher t = EXTENDED_TAIL.matcher(m.group(5));
        if (t.find()) {
            connection = Long.parseLong(t.group(1));
            pid = Long.parseLong(t.group(3));
        }
        return Optional.of(new AccessLine(m.group(1), m.group(2), m.group(3), Integer.parseInt(m.group(4)), m.group(5),
                connection, pid));
    }
}
