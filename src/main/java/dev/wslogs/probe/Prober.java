package dev.wslogs.probe;

import dev.wslogs.probe.ProbeRequest.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Runs one WebSocket handshake phase by phase and returns what it saw; never throws for what the
 * network or the server does, and every blocking step is bounded by the request's timeout (the
 * hold by its duration). Stateless apart from a shared pool of daemon threads for DNS look-ups
 * (the JDK's resolver cannot be interrupted): safe to call from several threads.
 */
public final class Prober {
    private static final ExecutorService RESOLVER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "wslogs-probe-dns");
        t.setDaemon(true);
        return t;
    });
    private static final int BODY_SNIPPET_BYTES = 1024;

    public ProbeResult probe(ProbeRequest req) {
        return new Run(req).run();
    }

    /** The mutable state of one probe; discarded when it returns. */
    private static final class Run {
        private final ProbeRequest req;
        private final int timeoutMs;
        private final List<Phase> phases = new ArrayList<>();
        private Optional<TlsInfo> tls = Optional.empty();
        private ResponseHead head;
        private String body = "";
        private List<String> problems = List.of();
        private boolean upgraded;
        private Optional<CloseInfo> close = Optional.empty();

        Run(ProbeRequest req) {
            this.req = req;
            this.timeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, req.timeout().toMillis()));
        }

        ProbeResult run() {
            Socket socket = null;
            try {
                InetAddress[] addresses = resolve();
                if (addresses == null) return result();
                socket = connect(addresses);
                if (socket == null) return result();
                if (req.secure()) {
                    socket = handshakeTls(socket);
                    if (socket == null) return result();
                }
                String key = HandshakeValidator.newKey();
                if (!exchange(socket, key)) return result();
                if (!upgraded) return result();
                if (req.echo().isPresent() && !echo(socket, req.echo().get())) return result();
                if (req.hold().isPresent()) hold(socket, req.hold().get());
                return result();
            } finally {
                closeQuietly(socket);
            }
        }

        private ProbeResult result() {
            OptionalInt status = head == null ? OptionalInt.empty() : OptionalInt.of(head.status());
            Optional<String> proto = head == null ? Optional.empty() : head.header("Sec-WebSocket-Protocol").map(String::trim);
            return new ProbeResult(req.url().toString(), phases, tls, status, head == null ? "" : head.statusLine(),
                    head == null ? List.of() : head.headers(), body, problems, upgraded, upgraded ? proto : Optional.empty(), close);
        }

        private InetAddress[] resolve() {
            long t0 = System.nanoTime();
            String host = req.url().getHost();
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            Future<InetAddress[]> f = RESOLVER.submit(() -> InetAddress.getAllByName(bare));
            try {
                InetAddress[] a = f.get(timeoutMs, TimeUnit.MILLISECONDS);
                phases.add(Phase.ok("dns", t0, String.join(", ", Arrays.stream(a).map(InetAddress::getHostAddress).toList())));
                return a;
            } catch (TimeoutException e) {
                f.cancel(true);
                phases.add(Phase.failed("dns", t0, "no answer for " + host + " within " + seconds(req.timeout())));
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                phases.add(Phase.failed("dns", t0, c instanceof UnknownHostException ? "unknown host " + host : String.valueOf(c)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                phases.add(Phase.failed("dns", t0, "interrupted"));
            }
            return null;
        }

        private Socket connect(InetAddress[] addresses) {
            long t0 = System.nanoTime();
            List<String> failures = new ArrayList<>();
            for (InetAddress a : addresses) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress(a, req.port()), timeoutMs);
                    s.setSoTimeout(timeoutMs);
                    s.setTcpNoDelay(true);
                    phases.add(Phase.ok("tcp", t0, "connected to " + hostPort(a)));
                    return s;
                } catch (SocketTimeoutException e) {
                    failures.add(hostPort(a) + ": no answer within " + seconds(req.timeout()) + " (filtered, or the host is down)");
                } catch (IOException e) {
                    failures.add(hostPort(a) + ": " + e.getMessage());
                }
                closeQuietly(s);
            }
            phases.add(Phase.failed("tcp", t0, String.join("; ", failures)));
            return null;
        }

        private String hostPort(InetAddress a) {
            String h = a.getHostAddress();
            return (h.indexOf(':') >= 0 ? "[" + h + "]" : h) + ":" + req.port();
        }

        private Socket handshakeTls(Socket raw) {
            long t0 = System.nanoTime();
            RecordingTrustManager tm;
            try {
                tm = TlsSetup.trustManager(req.caFile(), req.insecure());
            } catch (IOException | GeneralSecurityException e) {
                phases.add(Phase.failed("tls", t0, "cannot set up TLS: " + e.getMessage()));
                return null;
            }
            String host = req.url().getHost();
            try {
                SSLSocket s = (SSLSocket) TlsSetup.context(tm).getSocketFactory().createSocket(raw, host, req.port(), true);
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.setSoTimeout(timeoutMs);
                s.startHandshake();
                TlsInfo info = TlsSetup.info(s.getSession(), tm.leaf(), tm.failure());
                tls = Optional.of(info);
                String detail = info.protocol() + ", " + info.cipherSuite() + ", certificate " + info.subject() + " (expires "
                        + info.notAfter() + "), " + (info.verified() ? "verified" : "NOT verified: " + tm.failure() + " (continuing: --insecure)");
                phases.add(new Phase("tls", info.verified(), (System.nanoTime() - t0) / 1e9, detail));
                return info.verified() || req.insecure() ? s : null;
            } catch (SocketTimeoutException e) {
                tls = Optional.of(TlsSetup.info(null, tm.leaf(), "no TLS handshake within " + seconds(req.timeout())));
                phases.add(Phase.failed("tls", t0, "no TLS handshake within " + seconds(req.timeout())));
            } catch (SSLException e) {
                String why = tm.failure() != null ? "certificate verification failed: " + tm.failure() : String.valueOf(e.getMessage());
                tls = Optional.of(TlsSetup.info(null, tm.leaf(), why));
                phases.add(Phase.failed("tls", t0, why));
            } catch (IOException | GeneralSecurityException e) {
                tls = Optional.of(TlsSetup.info(null, tm.leaf(), String.valueOf(e.getMessage())));
                phases.add(Phase.failed("tls", t0, String.valueOf(e.getMessage())));
            }
            return null;
        }

        /** Sends the upgrade request and reads the answer; false when no answer came. */
        private boolean exchange(Socket s, String key) {
            long t0 = System.nanoTime();
            try {
                OutputStream out = s.getOutputStream();
                out.write(request(key).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                head = ResponseHead.read(s.getInputStream());
                phases.add(Phase.ok("http", t0, head.statusLine()));
            } catch (SocketTimeoutException e) {
                phases.add(Phase.failed("http", t0, "no response within " + seconds(req.timeout())));
                return false;
            } catch (IOException e) {
                phases.add(Phase.failed("http", t0, String.valueOf(e.getMessage())));
                return false;
            }
            if (head.status() != 101) {
                body = readBody(s);
                phases.add(new Phase("upgrade", false, 0, "answered " + head.status() + " instead of 101 Switching Protocols"));
                return true;
            }
            problems = HandshakeValidator.problems(head, key, req.subprotocols());
            upgraded = problems.isEmpty();
            phases.add(new Phase("upgrade", upgraded, 0, upgraded
                    ? "Upgrade: websocket, Connection: upgrade, Sec-WebSocket-Accept valid"
                            + head.header("Sec-WebSocket-Protocol").map(p -> ", subprotocol " + p).orElse("")
                    : String.join("; ", problems)));
            return true;
        }

        private String request(String key) {
            StringBuilder sb = new StringBuilder();
            sb.append("GET ").append(req.target()).append(" HTTP/1.1\r\n");
            if (!has("Host")) sb.append("Host: ").append(req.hostHeader()).append("\r\n");
            sb.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
            sb.append("Sec-WebSocket-Key: ").append(key).append("\r\nSec-WebSocket-Version: 13\r\n");
            req.origin().ifPresent(o -> sb.append("Origin: ").append(o).append("\r\n"));
            if (!req.subprotocols().isEmpty()) {
                sb.append("Sec-WebSocket-Protocol: ").append(String.join(", ", req.subprotocols())).append("\r\n");
            }
            if (!has("User-Agent")) sb.append("User-Agent: wslogs-probe\r\n");
            for (Header h : req.headers()) sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
            return sb.append("\r\n").toString();
        }

        private boolean has(String header) {
            return req.headers().stream().anyMatch(h -> h.name().equalsIgnoreCase(header));
        }

        /** The start of a refusal's body (nginx's error pages say a lot), read without waiting for more than a second. */
        private String readBody(Socket s) {
            try {
                s.setSoTimeout(Math.min(timeoutMs, 1000));
                InputStream in = s.getInputStream();
                int limit = BODY_SNIPPET_BYTES;
                Optional<String> length = head.header("Content-Length");
                if (length.isPresent() && length.get().trim().matches("\\d{1,9}")) {
                    limit = Math.min(limit, Integer.parseInt(length.get().trim()));
                }
                byte[] buf = new byte[limit];
                int n = 0;
                while (n < limit) {
                    int r = in.read(buf, n, limit - n);
                    if (r < 0) break;
                    n += r;
                }
                return new String(buf, 0, n, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private boolean echo(Socket s, String message) {
            long t0 = System.nanoTime();
            long deadline = t0 + req.timeout().toNanos();
            try {
                ClientFrames.writeText(s.getOutputStream(), message);
                while (true) {
                    int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                    s.setSoTimeout(left);
                    ClientFrames.Frame f = ClientFrames.read(s.getInputStream());
                    switch (f.opcode()) {
                        case ClientFrames.PING -> ClientFrames.write(s.getOutputStream(), ClientFrames.PONG, f.payload());
                        case ClientFrames.CLOSE -> {
                            phases.add(Phase.failed("echo", t0, "the server closed instead of answering: " + SessionEnd.closeText(f)));
                            return false;
                        }
                        case ClientFrames.TEXT, ClientFrames.BINARY -> {
                            boolean same = f.text().equals(message);
                            phases.add(new Phase("echo", same, (System.nanoTime() - t0) / 1e9,
                                    same ? "\"" + message + "\" came back" : "a different message came back: \"" + SessionEnd.cut(f.text()) + "\""));
                            return same;
                        }
                        default -> { }
                    }
                    if (System.nanoTime() - deadline > 0) throw new SocketTimeoutException();
                }
            } catch (SocketTimeoutException e) {
                phases.add(Phase.failed("echo", t0, "no message came back within " + seconds(req.timeout())
                        + " (the back end may not echo)"));
            } catch (IOException e) {
                phases.add(Phase.failed("echo", t0, SessionEnd.ioText(e)));
            }
            return false;
        }

        private void hold(Socket s, Duration hold) {
            long t0 = System.nanoTime();
            CloseInfo info = SessionEnd.hold(s, hold, t0);
            close = Optional.of(info);
            boolean ok = info.how() == CloseInfo.How.STAYED_OPEN;
            phases.add(new Phase("hold", ok, info.seconds(), SessionEnd.describe(info)));
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static void closeQuietly(Socket s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException e) {
            // nothing to tell: the probe is over
        }
    }
}
