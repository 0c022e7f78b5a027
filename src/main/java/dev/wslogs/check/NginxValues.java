package dev.wslogs.check;

import dev.wslogs.classify.ConfigKnowledge;
import java.util.Locale;
import java.util.OptionalLong;

/** nginx's value syntaxes for times and sizes, as the configuration writes them. */
final class NginxValues {
    private NginxValues() {}

    /** {@code 60}, {@code 60s}, {@code 1m}, {@code 1h30m}, {@code 500ms} in milliseconds. */
    static OptionalLong millis(String v) {
        long ms = ConfigKnowledge.durationMillis(v);
        return ms < 0 ? OptionalLong.empty() : OptionalLong.of(ms);
    }

    /** {@code 16k}, {@code 1m}, {@code 1g}, {@code 1024} in bytes. */
    static OptionalLong bytes(String v) {
        String s = v.toLowerCase(Locale.ROOT);
        long unit = 1;
        if (s.endsWith("k")) unit = 1024;
        else if (s.endsWith("m")) unit = 1024 * 1024;
        else if (s.endsWith("g")) unit = 1024L * 1024 * 1024;
        String num = unit == 1 ? s : s.substring(0, s.length() - 1);
        if (num.isEmpty() || num.length() > 12 || !num.chars().allMatch(Character::isDigit)) return OptionalLong.empty();
        return OptionalLong.of(Long.parseLong(num) * unit);
    }

    /** A duration for messages: {@code 60 s}, {@code 1.5 s}, {@code 500 ms}. */
    static String seconds(long ms) {
        if (ms < 1000) return ms + " ms";
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
