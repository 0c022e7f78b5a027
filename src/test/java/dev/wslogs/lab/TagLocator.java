package dev.wslogs.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Finds a request's line in an access log by the {@code lab=} tag the harness put in its query
 * string. The tag must be followed by a non-tag character so {@code lab=x-1} never matches
 * {@code lab=x-12}. A request that cannot carry a tag is found as the run's only untagged line.
 */
final class TagLocator {
    private static final Pattern ANY_TAG = Pattern.compile("lab=[A-Za-z0-9-]+");

    private final List<String> lines;

    TagLocator(Path accessLog) {
        this.lines = LabRun.lines(accessLog);
    }

    /** 1-based line number of the request carrying {@code tag}. */
    OptionalInt find(String tag) {
        Pattern p = Pattern.compile(Pattern.quote(tag) + "(?![A-Za-z0-9-])");
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) return OptionalInt.of(i + 1);
        }
        return OptionalInt.empty();
    }

    /** The line without any tag, if exactly one exists. */
    OptionalInt untagged() {
        int found = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!ANY_TAG.matcher(lines.get(i)).find()) {
                if (found >= 0) return OptionalInt.empty();
                found = i + 1;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    OptionalInt locate(Action action) {
        return action.isTagged() ? find(action.tag()) : untagged();
    }
}
