package dev.wslogs.source;

import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into {@link RawLine}s, tracking 1-based line numbers and the byte offset of
 * each line start. A trailing {@code \r} is dropped. A final line without {@code \n} is emitted
 * only by {@link #finish()} (replay at EOF); a follower that expects more data does not call it
 * and keeps the partial bytes until the newline arrives.
 *
 * <p>Lines longer than {@code maxLineBytes} are cut there; the rest of that physical line is
 * skipped, so one runaway line cannot exhaust memory.
 */
public final class LineSplitter {
    /** The cut for runaway lines unless a caller sets another. */
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final String file;
    private final Consumer<RawLine> out;
    private final int maxLineBytes;
    private byte[] pending = new byte[256];
    private int pendingLen;
    private boolean skippingRest;
    private long lineNo;
    private long lineStart;
    private long consumed;

    public LineSplitter(String file, long startLine, long startOffset, int maxLineBytes, Consumer<RawLine> out) {
        this.file = file;
        this.out = out;
        this.maxLineBytes = maxLineBytes;
        this.lineNo = startLine - 1;
        this.lineStart = startOffset;
        this.consumed = startOffset;
    }

    public LineSplitter(String file, Consumer<RawLine> out) {
        this(file, 1, 0, DEFAULT_MAX_LINE_BYTES, out);
    }

    /** Offset just past the last complete line emitted: where a resumed reader starts. */
    public long committedOffset() {
        return lineStart;
    }

    /** Number of the last complete line emitted. */
    public long lineNumber() {
        return lineNo;
    }

    public boolean hasPartialLine() {
        return pendingLen > 0 || skippingRest;
    }

    public void feed(byte[] buf, int off, int len) {
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (buf[i] == '\n') {
                feedLine(buf, start, i - start, true, false);
                start = i + 1;
            }
        }
        feedLine(buf, start, end - start, false, false);
    }

    /**
     * {@link #feed} for a caller that has found the line ends itself (faster than this class's byte
     * loop): {@code buf[off, off+len)} holds no {@code \n}; {@code terminated} when one follows it
     * (it is consumed too). {@code ascii}: the caller knows every byte is below 0x80 (false when it
     * does not know).
     */
    public void feedLine(byte[] buf, int off, int len, boolean terminated, boolean ascii) {
        if (!terminated) {
            append(buf, off, len);
            consumed += len;
            return;
        }
        consumed += len + 1;
        if (pendingLen == 0 && !skippingRest && len <= maxLineBytes) {
            emit(buf, off, len, ascii, consumed); // the whole line is in buf: no copy
        } else {
            append(buf, off, len);
            emit(pending, 0, pendingLen, false, consumed);
        }
    }

    /** Emits a final unterminated line, if any (end of a replayed input). */
    public void finish() {
        if (pendingLen > 0 || skippingRest) emit(pending, 0, pendingLen, false, consumed);
    }

    public void readAll(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) feed(buf, 0, n);
        finish();
    }

    private void append(byte[] buf, int off, int len) {
        if (len == 0 || skippingRest) return;
        int room = maxLineBytes - pendingLen;
        if (len > room) {
            len = room;
            skippingRest = true;
        }
        if (pendingLen + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLen + len));
        }
        System.arraycopy(buf, off, pending, pendingLen, len);
        pendingLen += len;
    }

    /** Emits the line {@code b[off, off+len)} (the pending bytes, or a line found whole in the caller's buffer). */
    private void emit(byte[] b, int off, int len, boolean ascii, long nextLineStart) {
        if (len > 0 && b[off + len - 1] == '\r') len--;
        lineNo++;
        String text = ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : LineDecoder.decode(b, off, len);
        RawLine line = new RawLine(new LinePosition(file, lineNo, lineStart), text);
        pendingLen = 0;
        skippingRest = false;
        lineStart = nextLineStart;
        out.accept(line);
    }
}
