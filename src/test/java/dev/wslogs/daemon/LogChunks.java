package dev.wslogs.daemon;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an access log and an error log into chunks in the order nginx wrote them: chunk i holds
 * the error lines and access lines of the same span of seconds, so a writer that appends chunk
 * after chunk reproduces what a follower sees (error lines of a connection come before its
 * access line).
 */
final class LogChunks {
    private static final Pattern ACCESS_TIME = Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) ");
    private static final Pattern ERROR_TIME = Pattern.compile("^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) ");
    private static final DateTimeFormatter A = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter E = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    record Chunk(List<String> access, List<String> error) {}

    static List<Chunk> split(List<String> access, List<String> error, int accessPerChunk) {
        List<Chunk> out = new ArrayList<>();
        int ei = 0;
        LocalDateTime lastErrorTime = null;
        for (int i = 0; i < access.size(); i += accessPerChunk) {
            List<String> a = access.subList(i, Math.min(access.size(), i + accessPerChunk));
            LocalDateTime until = time(a.get(a.size() - 1), ACCESS_TIME, A);
            List<String> e = new ArrayList<>();
            while (ei < error.size()) {
                LocalDateTime t = time(error.get(ei), ERROR_TIME, E);
                if (t != null) lastErrorTime = t;
                // continuation lines (no time) follow their message
                if (t != null && until != null && t.isAfter(until)) break;
                if (t == null && lastErrorTime != null && until != null && lastErrorTime.isAfter(until)) break;
                e.add(error.get(ei++));
            }
            out.add(new Chunk(List.copyOf(a), e));
        }
        if (ei < error.size()) out.add(new Chunk(List.of(), List.copyOf(error.subList(ei, error.size()))));
        return out;
    }

    private static LocalDateTime time(String line, Pattern p, DateTimeFormatter f) {
        Matcher m = p.matcher(line);
        return m.find() ? LocalDateTime.parse(m.group(1), f) : null;
    }
}
