package dev.wslogs.daemon;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real sample logs repeated with their timestamps moved forward by a step per copy: a longer
 * stretch of realistic traffic (every cause, real nginx lines) for daemon tests whose windows and
 * checkpoint hold-backs need log time to pass.
 */
final class ShiftedSamples {
    private static final Pattern ACCESS_TIME = Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) ");
    private static final Pattern ERROR_TIME = Pattern.compile("^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) ");
    private static final DateTimeFormatter A = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter E = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    private ShiftedSamples() {}

    static List<String> access(List<String> lines, int copies, long stepSeconds) {
        return repeat(lines, copies, stepSeconds, ACCESS_TIME, A);
    }

    static List<String> error(List<String> lines, int copies, long stepSeconds) {
        return repeat(lines, copies, stepSeconds, ERROR_TIME, E);
    }

    private static List<String> repeat(List<String> lines, int copies, long step, Pattern p, DateTimeFormatter f) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            long shift = c * step;
            Function<String, String> move = s -> LocalDateTime.parse(s, f).plusSeconds(shift).format(f);
            for (String l : lines) {
                Matcher m = p.matcher(l);
                out.add(m.find() ? l.substring(0, m.start(1)) + move.apply(m.group(1)) + l.substring(m.end(1)) : l);
            }
        }
        return out;
    }
}
