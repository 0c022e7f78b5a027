package dev.wslogs.parse;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.RawLine;
import java.util.Set;

/**
 * A compiled access-log format. Instances are immutable and may be shared; {@link #newParser()}
 * gives each thread its own parser with its own caches.
 */
public interface AccessFormat {
    /** Short name shown in reports, e.g. {@code combined} or the log_format name. */
    String name();

    /** The log_format template it was compiled from. */
    String template();

    /** The fields this format logs (others are absent from every entry). */
    Set<Field> fields();

    Parser newParser();

    /** Parses lines of one format; not thread-safe. */
    interface Parser {
        /** The entry, or {@code null} if the line does not match (then {@link #mismatch} says why). */
        AccessEntry parse(RawLine line);

        /** Why {@code line} does not match; called only for failures, so it may redo work. */
        String mismatch(RawLine line);
    }

    default boolean logs(Field f) {
        return fields().contains(f);
    }
}
