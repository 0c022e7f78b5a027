package dev.wslogs.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a log the way nginx does: through one descriptor opened with O_APPEND, which keeps
 * pointing at the same file after logrotate renames it, until {@link #reopen()} (nginx's USR1).
 */
final class NginxWriter implements AutoCloseable {
    private final Path path;
    private FileChannel out;

    NginxWriter(Path path) {
        this.path = path;
        reopen();
    }

    /** nginx on USR1: close the old descriptor, open (create) the file now at the path. */
    void reopen() {
        try {
            if (out != null) out.close();
            out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    NginxWriter write(String s) {
        return write(s.getBytes(StandardCharsets.UTF_8));
    }

    NginxWriter write(byte[] b) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.hasRemaining()) out.write(buf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** logrotate's default: rename the live file to {@code rotated}, create an empty one at the path. */
    void renameAndCreate(Path rotated) {
        try {
            Files.move(path, rotated);
            Files.createFile(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
