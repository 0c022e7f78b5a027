package dev.wslogs.parse;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.model.RawLine;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Assembles nginx error.log messages from physical lines and splits them into
 * {@link ErrorEntry} fields (layout: nginx-messages.md §1).
 *
 * <p>A line that starts with a header (after an optional syslog/journald prefix) opens a message;
 * a line without one continues the pending message, because nginx copies upstream text with raw
 * newlines into some messages ({@code FastCGI sent in stderr: "…"}). nginx never writes more than
 * {@code NGX_MAX_ERROR_STR} (2048) bytes per message, so a continuation that would exceed
 * {@link #MAX_MESSAGE_CHARS} is not one: it is a {@link ParseFailure}, as is any line without a
 * header when nothing is pending.
 *
 * <p>Each message is emitted when the next header or {@link #flush()} arrives. Every line fed in
 * is accounted for exactly once: in one entry's {@code physicalLines} or in one failure.
 */
public final class ErrorLogParser {
    /** NGX_MAX_ERROR_STR is 2048 bytes; twice that in chars leaves room for prefixes and \xHH escapes. */
    static final int MAX_MESSAGE_CHARS = 4096;
    /** What {@code nginx -t} and a failed start print on stderr; people paste it into logs. */
    private static final String STDERR_PREFIX = "nginx: [";

    private final Consumer<ErrorEntry> entries;
    private final Consumer<ParseFailure> failures;
    private final ErrorHead head = new ErrorHead();
    private final ErrorTrailer trailer = new ErrorTrailer();

    private ErrorLineHeader pendingHeader = new ErrorLineHeader();
    private ErrorLineHeader scratch = new ErrorLineHeader();
    private RawLine pendingFirst;
    /** The joined text once a continuation arrived; null while the message is one line. */
    private StringBuilder pendingText;
    private int pendingLines;
    private int pendingLength;

    public ErrorLogParser(Consumer<ErrorEntry> entries, Consumer<ParseFailure> failures) {
        this.entries = Objects.requireNonNull(entries, "entries");
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * True if the line, after an optional syslog/journald prefix, starts with a complete, valid
     * error.log header. Cheap enough to run on the first lines of a file to tell its kind.
     */
    public static boolean looksLikeErrorLine(String text) {
        ErrorLineHeader h = new ErrorLineHeader();
        return h.scan(text, h) == ErrorLineHeader.Outcome.VALID;
    }

    public void accept(RawLine line) {
        String text = line.text();
        switch (scratch.scan(text, pendingHeader)) {
            case VALID -> open(line);
            case INVALID -> {
                flush();
                fail(line, scratch.problem);
            }
            case NONE -> continueOrFail(line, text);
        }
    }

    /** Emits the pending message, if any: at end of input, or when a follower has been idle. */
    public void flush() {
        if (pendingFirst != null) emit();
    }

    private void open(RawLine line) {
        flush();
        ErrorLineHeader h = pendingHeader;
        pendingHeader = scratch;
        scratch = h;
        pendingFirst = line;
        pendingText = null;
        pendingLines = 1;
        pendingLength = line.text().length();
    }

    private void continueOrFail(RawLine line, String text) {
        if (text.startsWith(STDERR_PREFIX)) {
            flush();
            fail(line, "nginx stderr output without a timestamp (config test or startup error)");
        } else if (pendingFirst == null) {
            fail(line, "no error.log header and no message to continue");
        } else if (pendingLength + 1 + text.length() > MAX_MESSAGE_CHARS) {
            flush();
            fail(line, "no error.log header, and too long to continue the previous message");
        } else {
            if (pendingText == null) pendingText = new StringBuilder(pendingFirst.text());
            pendingText.append('\n').append(text);
            pendingLines++;
            pendingLength += 1 + text.length();
        }
    }

    private void fail(RawLine line, String reason) {
        failures.accept(new ParseFailure(line.position(), LogKind.ERROR, reason, line.text()));
    }

    private void emit() {
        String text = pendingText == null ? pendingFirst.text() : pendingText.toString();
        ErrorEntry entry = split(text);
        pendingFirst = null;
        pendingText = null;
        entries.accept(entry);
    }

    private ErrorEntry split(String text) {
        ErrorLineHeader h = pendingHeader;
        int from = h.messageStart;
        int to = text.length();
        if (to > from && text.charAt(to - 1) == '\r') to--;
        int trailerStart = trailer.locate(text, from, to);
        head.split(text, from, trailerStart);
        int[] parts = new int[2 * ErrorEntry.PARTS];
        parts[2 * ErrorEntry.MESSAGE] = from;
        parts[2 * ErrorEntry.MESSAGE + 1] = head.messageEnd;
        parts[2 * ErrorEntry.ERRNO_TEXT] = head.errnoStart;
        parts[2 * ErrorEntry.ERRNO_TEXT + 1] = head.errnoEnd;
        parts[2 * ErrorEntry.ACTION] = head.actionStart;
        parts[2 * ErrorEntry.ACTION + 1] = head.actionEnd;
        trailer.copyParts(parts, 2 * ErrorEntry.CLIENT); // CLIENT to REFERRER, in the trailer's order
        return ErrorEntry.ofParts(pendingFirst.position(), pendingLines, h.time, h.level, h.pid, h.tid, h.connection, head.errno, text, parts);
    }
}
