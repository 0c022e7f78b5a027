package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.model.RawLine;
import java.util.ArrayList;
import java.util.List;

/** Feeds lines to one parser and keeps what comes out, in order. */
final class ErrorLogFeed {
    static final String FILE = "error.log";

    final List<ErrorEntry> entries = new ArrayList<>();
    final List<ParseFailure> failures = new ArrayList<>();
    /** Entries and failures interleaved as emitted, to check ordering. */
    final List<Object> outcomes = new ArrayList<>();
    final ErrorLogParser parser = new ErrorLogParser(
            e -> {
                entries.add(e);
                outcomes.add(e);
            },
            f -> {
                failures.add(f);
                outcomes.add(f);
            });
    private long lineNo;
    private long offset;

    /** Feeds the lines and flushes. */
    static ErrorLogFeed of(String... lines) {
        ErrorLogFeed feed = new ErrorLogFeed();
        for (String l : lines) feed.line(l);
        feed.parser.flush();
        return feed;
    }

    /** Parses one message that must come out as exactly one entry and no failure. */
    static ErrorEntry entry(String... lines) {
        ErrorLogFeed feed = of(lines);
        assertThat(feed.failures).as("failures").isEmpty();
        assertThat(feed.entries).as("entries").hasSize(1);
        return feed.entries.get(0);
    }

    /** A line as nginx 1.2x on Linux writes it, with a fixed time and worker. */
    static String line(String level, String body) {
        return "2024/05/14 10:11:12 [" + level + "] 4242#4242: " + body;
    }

    void line(String text) {
        lineNo++;
        parser.accept(new RawLine(new LinePosition(FILE, lineNo, offset), text));
        offset += text.length() + 1;
    }

    long linesAccountedFor() {
        return entries.stream().mapToLong(ErrorEntry::physicalLines).sum() + failures.size();
    }
}
