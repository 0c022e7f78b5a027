package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How big {@code analyze} thinks its input is ({@link BoundedHeap#inputBytes}), which decides
 * whether it runs in the bounded child JVM: what it will read, so a gzip file counts uncompressed.
 */
class BoundedHeapTest {
    @TempDir
    Path dir;

    private static final String LINE = "203.0.113.9 - - [22/Nov/2026:10:00:00 +0000] \"GET /ws HTTP/1.1\" 101 12 \"-\" \"curl/8.0\"\n";

    private Path gzip(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(content);
        }
        return p;
    }

    private static byte[] logLines(int n) {
        return LINE.repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void plainFile_countsItsSize() throws IOException {
        Path p = Files.write(dir.resolve("access.log"), logLines(1000));
        assertThat(BoundedHeap.fileBytes(p.toString())).isEqualTo(Files.size(p)).isEqualTo(1000L * LINE.length());
    }

    @Test
    void gzipFile_countsItsUncompressedSize_whateverItsName() throws IOException {
        byte[] content = logLines(20_000); // compresses far more than 4:1
        Path gz = gzip("access.log.2", content);
        assertThat(Files.size(gz)).isLessThan(content.length / 20);
        assertThat(BoundedHeap.fileBytes(gz.toString())).isEqualTo(content.length);
    }

    @Test
    void gzipFile_countsAtLeastFourTimesItsCompressedSize() throws IOException {
        // the trailer's ISIZE is the last member's size modulo 4 GiB: a small one is not believed
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise); // incompressible: ISIZE about the compressed size
        Path gz = gzip("noise.gz", noise);
        assertThat(BoundedHeap.fileBytes(gz.toString())).isEqualTo(4 * Files.size(gz));
    }

    @Test
    void namedPipe_countsAsLarge_likeAPipedStdin_butADeviceDoesNot() throws Exception {
        Path fifo = dir.resolve("access.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor()).isZero();
        assertThat(BoundedHeap.fileBytes(fifo.toString())).isEqualTo(Long.MAX_VALUE);
        assertThat(BoundedHeap.inputBytes(new String[] {"analyze", fifo.toString(), "error.log"})).isEqualTo(Long.MAX_VALUE);
        assertThat(BoundedHeap.fileBytes("/dev/null")).isZero(); // -o /dev/null is no input
    }

    @Test
    void whatNamesNoFile_countsNothing() throws IOException {
        assertThat(BoundedHeap.fileBytes(dir.resolve("missing.log").toString())).isZero();
        assertThat(BoundedHeap.fileBytes(dir.toString())).isZero();
        assertThat(BoundedHeap.fileBytes("--no-progress")).isZero();
        Path tiny = Files.write(dir.resolve("tiny.log"), new byte[] {0x1f, (byte) 0x8b, 1}); // gzip magic, no room for a trailer
        assertThat(BoundedHeap.fileBytes(tiny.toString())).isEqualTo(3);
    }

    @Test
    void inputBytes_addsTheFilesNamedByArgumentsAndOptionValues() throws IOException {
        byte[] content = logLines(20_000);
        Path gz = gzip("access.log.3.gz", content);
        Path plain = Files.write(dir.resolve("error.log"), logLines(10));
        long n = BoundedHeap.inputBytes(new String[] {"analyze", "--no-progress", "--access=" + gz, "--error", plain.toString(), "-o",
                dir.resolve("not-yet.txt").toString()});
        assertThat(n).isEqualTo(content.length + Files.size(plain));
    }
}
