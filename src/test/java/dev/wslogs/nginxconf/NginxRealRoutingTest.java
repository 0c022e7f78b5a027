package dev.wslogs.nginxconf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential test: the installed nginx serves the configurations of
 * {@link NginxServerSelectionTest} and {@link NginxLocationSelectionTest} on 127.0.0.1, each
 * server or location answering its own id ({@code set $id X} becomes {@code return 200 "X"}), and
 * every request must land where {@link NginxConfig} says it does. Fails when nginx is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxRealRoutingTest {

    private Path dir;
    private Process nginx;
    private int namesPort;
    private int otherPort;
    private int locationsPort;
    private int redirectPort;
    private NginxConfig config;

    private static final String REDIRECTS = """
            http { server {
                listen 80;
                location / { set $id root; }
                location /ws/ { set $id ws; proxy_pass http://127.0.0.1:9; }
                location /static/ { set $id static; }
                location ~ ^/ws { set $id regex; }
                location /chat { set $id chat; }
                location /chat/ { set $id chat-slash; proxy_pass http://127.0.0.1:9; }
                location /api/ { set $id api-prefix; proxy_pass http://127.0.0.1:9; }
                location = /api/ { set $id api-exact; }
            } }
            """;

    @BeforeAll
    void startNginx(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        namesPort = FreePorts.next();
        otherPort = FreePorts.next();
        locationsPort = FreePorts.next();
        redirectPort = FreePorts.next();
        String http = serverBlocks(NginxServerSelectionTest.NAMES, namesPort).replace("listen 8080", "listen 127.0.0.1:" + otherPort)
                + serverBlocks(NginxLocationSelectionTest.CONF, locationsPort)
                + serverBlocks(REDIRECTS, redirectPort);
        String conf = Fixtures.nginxMain(dir) + "daemon off;\nmaster_process off;\nevents {}\nhttp {\n"
                + "    access_log off;\n"
                + "    client_body_temp_path " + dir.resolve("tmp") + ";\n"
                + "    proxy_temp_path " + dir.resolve("tmp") + ";\n"
                + "    fastcgi_temp_path " + dir.resolve("tmp") + ";\n"
                + "    uwsgi_temp_path " + dir.resolve("tmp") + ";\n"
                + "    scgi_temp_path " + dir.resolve("tmp") + ";\n"
                + http + "}\n";
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        config = NginxConfigReader.read(file);
        nginx = new ProcessBuilder(Fixtures.nginxBinary().toString(), "-p", dir + "/", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        awaitListening(redirectPort);
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly();
        }
    }

    /** The http block's content, with {@code set $id X} turned into {@code return 200 "X"}. */
    private static String serverBlocks(String conf, int port) {
        String body = conf.substring(conf.indexOf('{') + 1, conf.lastIndexOf('}'));
        return body.replaceAll("set \\$id ([^;]+);", "return 200 \"$1\";")
                .replaceAll("listen 80(?=[ ;])", "listen 127.0.0.1:" + port) + "\n";
    }

    @ParameterizedTest(name = "Host: {0}")
    @ValueSource(strings = {
            "example.com", "WWW.Example.COM", "example.com:8443", "example.com.", "a.example.com", "a.b.example.com",
            "x.api.example.com", "api.example.com", "example.org", "deep.sub.example.org", "mail.example.com",
            "mail.example.net", "mail.example.co.uk", "mail.other.net", "ws12.example.net", "chat_room.example.net",
            "case.example.io", "CASE.example.io", "lower.example.io", "nothing.invalid", "mail", "first", "",
    })
    void serverChoice_equalsNginxs(String host) throws Exception {
        String expected = returnedId(config.selectServer(namesPort, host).orElseThrow().directive());

        Response r = get(namesPort, host, "/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(strings = {"example.com", "nothing"})
    void serverChoiceOnAnotherPort_equalsNginxs(String host) throws Exception {
        String expected = returnedId(config.selectServer(otherPort, host).orElseThrow().directive());

        assertThat(get(otherPort, host, "/").body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "/", "/index.html", "/ws", "/wsx", "/ws/", "/ws/chat", "/ws/exact", "/ws/exact/more", "/static/a.png",
            "/img/a.png", "/img/a.PNG", "/x/index.php", "/x/index.Php", "/ws/a.css", "/api/", "/api/admin/",
            "/api/v2/users", "/api/x.json", "/api/admin/users", "/api/admin/v1/users", "/api/admin/x.json",
            "/api/raw/x.json", "/api/raw/x", "/API/x", "/fallback",
    })
    void locationChoice_equalsNginxs(String uri) throws Exception {
        assertSameAsNginx(locationsPort, uri);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/ws", "/ws/", "/ws/x", "/static", "/chat", "/chat/", "/api", "/api/", "/other"})
    void autoRedirectChoice_equalsNginxs(String uri) throws Exception {
        assertSameAsNginx(redirectPort, uri);
    }

    private void assertSameAsNginx(int port, String uri) throws Exception {
        ServerBlock server = config.selectServer(port, "localhost").orElseThrow();
        LocationMatch m = config.matchLocation(server, uri);

        Response r = get(port, "localhost", uri);

        switch (m.kind()) {
            case AUTO_REDIRECT -> assertThat(r.status()).as("status for %s", uri).isEqualTo(301);
            case NONE -> assertThat(r.status()).as("status for %s", uri).isEqualTo(404);
            default -> {
                assertThat(r.status()).as("status for %s", uri).isEqualTo(200);
                assertThat(r.body()).as("location for %s", uri).isEqualTo(returnedId(m.location().orElseThrow().directive()));
            }
        }
    }

    private static String returnedId(Directive block) {
        return block.child("return").orElseThrow().args().get(1);
    }

    private record Response(int status, String body) {}

    private static Response get(int port, String host, String uri) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            String request = "GET " + uri + " HTTP/1.0\r\n" + (host.isEmpty() ? "" : "Host: " + host + "\r\n") + "\r\n";
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }

    private void awaitListening(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            assertThat(nginx.isAlive()).as("nginx is running; its output: %s",
                    Files.exists(dir.resolve("nginx.out")) ? Files.readString(dir.resolve("nginx.out")) : "").isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        throw new AssertionError("nginx did not start listening on " + port + ": " + List.of(Files.readString(dir.resolve("nginx.out"))));
    }
}
