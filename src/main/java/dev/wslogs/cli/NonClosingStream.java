package dev.wslogs.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Standard output must stay open for picocli and the JVM after a report is written to it. */
final class NonClosingStream extends FilterOutputStream {
    NonClosingStream(OutputStream o) {
        super(o);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
