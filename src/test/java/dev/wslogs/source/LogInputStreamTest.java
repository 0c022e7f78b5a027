package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that can be read only once — a named pipe, {@code <(zcat …)} — are read once: the head kept, then head and rest. */
class LogInputStreamTest {
    @TempDir
    Path dir;

    private static byte[] lines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("line ").append(i).append('\n');
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private Path fifo(String name, byte[] content, boolean gzip) throws Exception {
        Path p = dir.resolve(name);
        assertThat(new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor()).isZero();
        Thread w = new Thread(() -> {
            try (OutputStream raw = Files.newOutputStream(p); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
                out.write(content);
            } catch (IOException e) {
                // the reader went away: the test's assertions tell
            }
        });
        w.setDaemon(true);
        w.start();
        return p;
    }

    @Test
    void namedPipe_headKept_thenWholeStreamOnce() throws Exception {
        byte[] content = lines(200_000); // far more than a pipe's buffer: the writer blocks until read
        LogInput in = LogInput.of(fifo("access.log", content, false).toString());
        assertThat(in.isStream()).isTrue();
        assertThat(in.sizeBytes()).isZero();
        byte[] head = in.head(1000);
        assertThat(head).isEqualTo(java.util.Arrays.copyOf(content, 1000));
        assertThat(in.head(10)).isEqualTo(java.util.Arrays.copyOf(content, 10)); // asked again: the same bytes
        try (InputStream s = in.open()) {
            assertThat(s.readAllBytes()).isEqualTo(content);
        }
        assertThatThrownBy(in::open).isInstanceOf(IOException.class).hasMessageContaining("only once");
    }

    @Test
    void gzipThroughAPipe_decodedOnce() throws Exception {
        byte[] content = lines(50_000);
        LogInput in = LogInput.of(fifo("access.log.gz", content, true).toString());
        assertThat(in.head(64)).isEqualTo(java.util.Arrays.copyOf(content, 64));
        try (InputStream s = in.open()) {
            assertThat(s.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void regularFile_readAsOftenAsAsked() throws Exception {
        byte[] content = lines(1000);
        Path f = dir.resolve("access.log");
        Files.write(f, content);
        LogInput in = LogInput.of(f.toString());
        assertThat(in.isStream()).isFalse();
        assertThat(in.head(5)).isEqualTo(java.util.Arrays.copyOf(content, 5));
        for (int i = 0; i < 2; i++) {
            try (InputStream s = in.open()) {
                assertThat(s.readAllBytes()).isEqualTo(content);
            }
        }
    }
}
