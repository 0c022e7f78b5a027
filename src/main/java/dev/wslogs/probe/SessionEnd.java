package dev.wslogs.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Keeps an upgraded socket idle and tells how it ended: still open, a close frame (with its code),
 * the TCP connection ending without one (what nginx does at {@code proxy_read_timeout}), or a reset.
 * Pings are answered, as a browser does; data frames the server pushes are counted but do not end
 * the hold.
 */
final class SessionEnd {
    private SessionEnd() {}

    static CloseInfo hold(Socket s, Duration hold, long startNanos) {
        long deadline = startNanos + hold.toNanos();
        try {
            while (true) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) return stayedOpen(s, startNanos);
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                ClientFrames.Frame f = ClientFrames.read(s.getInputStream());
                if (f.opcode() == ClientFrames.PING) ClientFrames.write(s.getOutputStream(), ClientFrames.PONG, f.payload());
                if (f.opcode() == ClientFrames.CLOSE) {
                    ByteBuffer b = ByteBuffer.wrap(f.payload());
                    OptionalInt code = f.payload().length >= 2 ? OptionalInt.of(b.getShort() & 0xFFFF) : OptionalInt.empty();
                    String reason = f.payload().length > 2 ? new String(f.payload(), 2, f.payload().length - 2, StandardCharsets.UTF_8) : "";
                    try {
                        ClientFrames.write(s.getOutputStream(), ClientFrames.CLOSE, f.payload().length >= 2
                                ? new byte[] {f.payload()[0], f.payload()[1]} : new byte[0]);
                    } catch (IOException e) {
                        // the server may already be gone; its close frame is what counts
                    }
                    return new CloseInfo(CloseInfo.How.CLOSE_FRAME, since(startNanos), code, reason);
                }
            }
        } catch (SocketTimeoutException e) {
            return stayedOpen(s, startNanos);
        } catch (EOFException e) {
            return new CloseInfo(CloseInfo.How.EOF, since(startNanos), OptionalInt.empty(), "connection closed without a close frame");
        } catch (IOException e) {
            CloseInfo.How how = isReset(e) ? CloseInfo.How.RESET : CloseInfo.How.ERROR;
            return new CloseInfo(how, since(startNanos), OptionalInt.empty(), String.valueOf(e.getMessage()));
        }
    }

    private static CloseInfo stayedOpen(Socket s, long startNanos) {
        double held = since(startNanos);
        try {
            s.setSoTimeout(1000);
            ClientFrames.write(s.getOutputStream(), ClientFrames.CLOSE, new byte[] {0x03, (byte) 0xE8});
        } catch (IOException e) {
            // closing politely is a courtesy; the hold's outcome is already known
        }
        return new CloseInfo(CloseInfo.How.STAYED_OPEN, held, OptionalInt.empty(), "");
    }

    static boolean isReset(IOException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e instanceof SocketException && (m.contains("reset") || m.contains("broken pipe"));
    }

    static String describe(CloseInfo c) {
        String after = String.format(Locale.ROOT, "%.1f s", c.seconds());
        return switch (c.how()) {
            case STAYED_OPEN -> "still open after " + after + " idle";
            case CLOSE_FRAME -> "the server closed it after " + after + " with a close frame"
                    + (c.code().isPresent() ? " (code " + c.code().getAsInt() + (c.reason().isEmpty() ? "" : ", \"" + cut(c.reason()) + "\"") + ")" : "");
            case EOF -> "closed after " + after + " idle without a close frame (TCP FIN; the client sees code 1006)";
            case RESET -> "reset (RST) after " + after + ": " + c.reason();
            case ERROR -> "failed after " + after + ": " + c.reason();
        };
    }

    static String closeText(ClientFrames.Frame f) {
        if (f.payload().length < 2) return "close frame without a code";
        int code = ByteBuffer.wrap(f.payload()).getShort() & 0xFFFF;
        String reason = new String(f.payload(), 2, f.payload().length - 2, StandardCharsets.UTF_8);
        return "close frame, code " + code + (reason.isEmpty() ? "" : " \"" + cut(reason) + "\"");
    }

    static String ioText(IOException e) {
        if (e instanceof EOFException) return "the connection closed without a close frame";
        return isReset(e) ? "the connection was reset: " + e.getMessage() : String.valueOf(e.getMessage());
    }

    static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static double since(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
