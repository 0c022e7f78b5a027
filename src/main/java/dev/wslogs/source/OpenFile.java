package dev.wslogs.source;

import dev.wslogs.model.RawLine;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * One open descriptor of a followed file and how far it has been read. The descriptor, not the
 * name, is what is read: a renamed or deleted file stays readable until closed.
 *
 * <p>Invariants: {@code readOffset >= splitter.committedOffset()} (the difference is a partial
 * line held in the splitter); {@code head} is the file's first {@code min(size, 256)} bytes as last
 * seen, and only grows unless the content is replaced ({@link #contentReplaced}).
 */
final class OpenFile implements Closeable {
    private final Path path;
    private final String key;
    private final FileChannel channel;
    private final FollowContext ctx;
    private byte[] head = new byte[0];
    private FileIdentity identity;
    private LineSplitter splitter;
    private long readOffset;
    private long lastSize;
    private Instant lastGrowth;
    private boolean flushing;

    private OpenFile(Path path, String key, FileChannel channel, FollowContext ctx) {
        this.path = path;
        this.key = key;
        this.channel = channel;
        this.ctx = ctx;
        this.lastGrowth = ctx.clock().instant();
    }

    /**
     * Opens the file at {@code file} if it still has {@code expectedKey}: stat, open, stat again, so
     * the descriptor is known to belong to the identity the caller decided on (a rotation between
     * the stat and the open would otherwise attach a new file to an old identity).
     */
    static OpenFile open(Path path, Path file, String expectedKey, FollowContext ctx) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            String key = FileIdentity.keyOf(file);
            if (!key.equals(expectedKey)) throw new IOException(file + " was replaced while being opened");
            OpenFile f = new OpenFile(path, key, ch, ctx);
            f.adoptHead(f.readHeadBytes());
            f.lastSize = ch.size();
            return f;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    String key() {
        return key;
    }

    FileIdentity identity() {
        return identity;
    }

    long readOffset() {
        return readOffset;
    }

    /** The last line handed out, as a checkpoint. */
    Checkpoint position() {
        return new Checkpoint(path, identity, splitter.committedOffset(), splitter.lineNumber());
    }

    boolean matches(Checkpoint cp) {
        return key.equals(cp.identity().key()) && cp.identity().fingerprint().matches(head, head.length);
    }

    /** Continues after {@code cp}; false (and starts at 0) if the file is now shorter than the checkpoint. */
    boolean resume(Checkpoint cp) throws IOException {
        if (cp.offset() > channel.size()) {
            startAt(0, 0);
            return false;
        }
        startAt(cp.line(), cp.offset());
        return true;
    }

    void startAtBeginning() {
        startAt(0, 0);
    }

    /**
     * Starts after the last complete line present now, counting the lines before it so line numbers
     * stay exact. Costs one sequential read of the existing file, once, at first sight.
     */
    void startAtEnd() throws IOException {
        long size = channel.size();
        ByteBuffer buf = ctx.buffer();
        long pos = 0;
        long lines = 0;
        long afterLastNewline = 0;
        while (pos < size) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), size - pos));
            int n = channel.read(buf, pos);
            if (n <= 0) break;
            byte[] a = buf.array();
            for (int i = 0; i < n; i++) {
                if (a[i] == '\n') {
                    lines++;
                    afterLastNewline = pos + i + 1;
                }
            }
            pos += n;
        }
        startAt(lines, afterLastNewline);
    }

    private void startAt(long line, long offset) {
        splitter = new LineSplitter(path.toString(), line + 1, offset, ctx.options().maxLineBytes(), this::emit);
        readOffset = offset;
    }

    /** Reads up to the end or the per-poll budget, handing out complete lines. Returns bytes read. */
    long read() throws IOException {
        observeSize();
        ByteBuffer buf = ctx.buffer();
        long budget = ctx.options().maxBytesPerPoll();
        long total = 0;
        while (total < budget) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), budget - total));
            int n = channel.read(buf, readOffset);
            if (n <= 0) break;
            // Advance before feeding: a listener or consumer looking at positions mid-feed sees a
            // read offset that covers every byte the splitter holds.
            readOffset += n;
            total += n;
            splitter.feed(buf.array(), 0, n);
        }
        if (head.length < Fingerprint.MAX_BYTES && lastSize > head.length) extendHead();
        return total;
    }

    private void observeSize() throws IOException {
        long size = channel.size();
        if (size > lastSize) lastGrowth = ctx.clock().instant();
        lastSize = size;
    }

    boolean atEnd() throws IOException {
        return readOffset >= channel.size();
    }

    long size() throws IOException {
        return channel.size();
    }

    long bytesBehind() throws IOException {
        return Math.max(0, channel.size() - readOffset);
    }

    /** Starts the grace period now: called when the file leaves its path. */
    void detached() {
        lastGrowth = ctx.clock().instant();
    }

    boolean quietFor(Duration grace) {
        return !ctx.clock().instant().isBefore(lastGrowth.plus(grace));
    }

    /**
     * True if the content at this descriptor is no longer what was read: the file is shorter than
     * the read offset, or its first bytes changed (copytruncate followed by enough new writes to
     * pass the old offset before this poll). Also lengthens the fingerprint while the file grows.
     */
    boolean contentReplaced() throws IOException {
        return channel.size() < readOffset || !extendHead();
    }

    /** After a truncation: hands out the partial line (if enabled) and reads again from byte 0. */
    void restartFromZero() throws IOException {
        flushPartial();
        adoptHead(readHeadBytes());
        lastSize = channel.size();
        startAt(0, 0);
    }

    /** Hands out an unterminated last line, marked; true if there was one. */
    boolean flushPartial() {
        if (!ctx.options().flushPartialOnClose() || !splitter.hasPartialLine()) return false;
        long at = splitter.committedOffset();
        flushing = true;
        try {
            splitter.finish();
        } finally {
            flushing = false;
        }
        ctx.listener().partialLineFlushed(path, identity, at);
        return true;
    }

    /**
     * Re-reads the first bytes; adopts them (lengthening the fingerprint) if they start with the
     * bytes seen before. False if they do not: the content was replaced, and the identity stays the
     * one the lines were read under until {@link #restartFromZero()}.
     */
    private boolean extendHead() throws IOException {
        byte[] h = readHeadBytes();
        if (h.length < head.length || !Arrays.equals(head, 0, head.length, h, 0, head.length)) return false;
        if (h.length > head.length) adoptHead(h);
        return true;
    }

    private void adoptHead(byte[] h) {
        head = h;
        identity = new FileIdentity(key, Fingerprint.of(h, h.length));
    }

    private byte[] readHeadBytes() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Fingerprint.MAX_BYTES);
        while (b.hasRemaining()) {
            int n = channel.read(b, b.position());
            if (n <= 0) break;
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private void emit(RawLine line) {
        ctx.out().accept(new FollowedLine(path, identity, line, splitter.committedOffset(), !flushing));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // a read-only descriptor: nothing was buffered, nothing can be lost
        }
    }

    @Override
    public String toString() {
        return path + "[" + identity + " @" + readOffset + "]";
    }
}
