package dev.wslogs.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Orders the members of a rotated series oldest first, whatever order the user typed them in:
 * {@code access.log.3.gz access.log.2.gz access.log.1 access.log} (logrotate's numbering: a higher
 * number is older) and {@code access.log-20261120.gz access.log-20261121} (dateext: an earlier
 * date is older; the live file without a suffix is newest). Files of different series keep the
 * order of their series' first mention; ties fall back to the name, so the result never depends
 * on the command line's order.
 */
public final class RotationOrder {
    private static final Pattern SUFFIX = Pattern.compile("^(.*?)(?:\\.(\\d{1,4})|-(\\d{8}(?:\\d{2})?))?(?:\\.gz)?$");

    private RotationOrder() {}

    /** Series key and age rank of a file name: larger rank = older. */
    record Member(String name, String series, long age, int dateKey) {}

    static Member member(String name) {
        Matcher m = SUFFIX.matcher(name);
        if (!m.matches()) return new Member(name, name, 0, 0);
        String series = m.group(1);
        if (m.group(2) != null) return new Member(name, series, Long.parseLong(m.group(2)), 0);
        if (m.group(3) != null) {
            // dateext: older dates first. Encode as a large age that shrinks with the date.
            long date = Long.parseLong(m.group(3).substring(0, 8));
            return new Member(name, series, 100_000_000L - date % 100_000_000L, 1);
        }
        return new Member(name, series, 0, 0);
    }

    /** The series a file belongs to: its name without rotation number, date suffix or .gz. */
    public static String seriesKey(String name) {
        return member(name).series();
    }

    public static List<String> oldestFirst(List<String> names) {
        List<Member> members = new ArrayList<>();
        for (String n : names) members.add(member(n));
        members.sort(Comparator.comparing(Member::series)
                .thenComparing(Comparator.comparingLong(Member::age).reversed())
                .thenComparing(Member::name));
        List<String> out = new ArrayList<>(members.size());
        for (Member m : members) out.add(m.name());
        return out;
    }
}
