package dev.wslogs.parse;

import dev.wslogs.model.ErrorEntry;

/**
 * The part between the header and the trailer: {@code message[ (errno: strerror)][ while action]}
 * ({@code core/ngx_log.c} appends the errno group, the connection's log handler the action).
 *
 * <p>Only a group of the exact form {@code " (digits: text)"} ending right before the action (or
 * the trailer, or the end) is an errno: {@code (SSL: …)} groups and OpenSSL's
 * {@code (20:unable to get local issuer certificate)} stay in the message.
 *
 * <p>Mutable scratch owned by one parser; results are offsets into the text given to {@link #split}.
 */
final class ErrorHead {
    private static final String WHILE = " while ";
    /** errno values are C ints; more digits than this is text that merely looks like one. */
    private static final int MAX_ERRNO_DIGITS = 9;

    int messageEnd;
    int errno;
    int errnoStart;
    int errnoEnd;
    /** -1 when there is no action. */
    int actionStart;
    int actionEnd;

    void split(String text, int from, int to) {
        int headEnd = to;
        actionStart = -1;
        actionEnd = -1;
        // Messages can contain " while " themselves (upstream text, file names), but actions are
        // fixed strings without quotes or newlines, and the action is always the last part.
        int w = -1;
        for (int i = text.indexOf(WHILE, from); i >= 0 && i + WHILE.length() <= to; i = text.indexOf(WHILE, i + 1)) w = i;
        if (w >= from && isAction(text, w + WHILE.length(), to)) {
            actionStart = w + WHILE.length();
            actionEnd = to;
            headEnd = w;
        }
        messageEnd = headEnd;
        errno = ErrorEntry.NO_ERRNO;
        errnoStart = headEnd;
        errnoEnd = headEnd;
        splitErrno(text, from, headEnd);
    }

    private static boolean isAction(String text, int from, int to) {
        int quote = text.indexOf('"', from);
        int newline = text.indexOf('\n', from);
        return (quote < 0 || quote >= to) && (newline < 0 || newline >= to);
    }

    private void splitErrno(String text, int from, int to) {
        if (to - from < 6 || text.charAt(to - 1) != ')') return;
        int open = text.lastIndexOf('(', to - 2);
        if (open <= from || text.charAt(open - 1) != ' ') return;
        int p = open + 1;
        int value = 0;
        while (p < to - 1 && p - open <= MAX_ERRNO_DIGITS && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
            value = value * 10 + (text.charAt(p) - '0');
            p++;
        }
        int digits = p - open - 1;
        if (digits < 1 || digits > MAX_ERRNO_DIGITS || p + 1 >= to || text.charAt(p) != ':' || text.charAt(p + 1) != ' ') return;
        errno = value;
        errnoStart = p + 2;
        errnoEnd = to - 1;
        messageEnd = open - 1;
    }
}
