package dev.wslogs.lab;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of an error.log line ({@code TIME [level] PID#TID: *CID message…}); enough for the lab to
 * join it with an access line on PID + connection number. Continuation lines do not parse.
 */
public record ErrorLine(String raw, Level level, long pid, long connection, String message) {
    private static final Pattern HEAD =
            Pattern.compile("^\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} \\[(\\w+)\\] (\\d+)#\\d+: (?:\\*(\\d+) )?(.*)$", Pattern.DOTALL);
    public static final long NO_CONNECTION = -1;

    public static Optional<ErrorLine> parse(String line) {
        Matcher m = HEAD.matcher(line);
        if (!m.matches()) return Optional.empty();
        long cid = m.group(3) == null ? NO_CONNECTION : Long.parseLong(m.group(3));
        return Optional.of(new ErrorLine(line, Level.of(m.group(1)), Long.parseLong(m.group(2)), cid, m.group(4)));
    }

    /** Whether the line names a request, and that request is not the one tagged {@code tag}. */
    public boolean belongsToOtherRequest(String tag) {
        int at = message.indexOf(", request: \"");
        if (at < 0 || tag == null) return false;
        return !Pattern.compile(Pattern.quote(tag) + "(?![A-Za-z0-9-])").matcher(message.substring(at)).find();
    }
}
