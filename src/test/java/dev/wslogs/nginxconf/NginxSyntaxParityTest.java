package dev.wslogs.nginxconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tokenizer accepts what the installed nginx accepts and rejects what it rejects: each snippet
 * goes through {@code nginx -t} and through our reader.
 */
class NginxSyntaxParityTest {

    @TempDir
    Path dir;

    private String wrap(String serverBody) {
        return Fixtures.nginxMain(dir) + "events {}\nhttp {\n"
                + "  map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n"
                + "  server {\n    listen 127.0.0.1:1;\n" + serverBody + "\n  }\n}\n";
    }

    private int nginxTest(String conf) throws IOException, InterruptedException {
        Path file = dir.resolve("nginx.conf");
        Files.writeString(file, conf, StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Fixtures.nginxBinary().toString(), "-t", "-q", "-p", dir + "/", "-c", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("nginx -t finished").isTrue();
        return p.exitValue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "location /a { return 200 \"x;y{z}\"; }",
            "location /b { set $x 1; add_header X-A '${x}'; return 200; }",
            "location /c { return 200 \"a\\\"b\"; }",
            "location /d { if ($http_upgrade = \"websocket\") { return 200; } }",
            "location /e # comment { not a brace\n { return 200; }",
            "location ~ \"^/f(\\d+)$\" { return 200; }",
            "location /g{return 200;}",
            "location = /h { proxy_pass http://127.0.0.1:9; proxy_set_header Connection $connection_upgrade; }",
            "location /i { return 200 a#b; }",
            "location /j { return 200 'multi\nline'; }",
            "location /k { return 200 a\\;b; }",
    })
    void snippetNginxAccepts_isAccepted(String body) throws Exception {
        String conf = wrap(body);

        assertThat(nginxTest(conf)).as("nginx -t exit code for %s", body).isZero();
        NginxConfig parsed = NginxConfigReader.parse(conf, "nginx.conf", dir);
        assertThat(parsed.servers()).hasSize(1);
        assertThat(parsed.servers().get(0).locations()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "location /a { return 200 }",
            "location /b { return \"x\"y; }",
            "location /c { return 200; } }",
            "location /d { return 200 \"unterminated; }",
            "location /e { proxy_pass http://127.0.0.1:9\n proxy_set_header Host $host; }",
            "location /f;",
            "location /g { ; }",
            "location /h { return 200; ",
            "location /i { proxy_buffering maybe; }",
    })
    void snippetNginxRejects_isRejected(String body) throws Exception {
        String conf = wrap(body);

        assertThat(nginxTest(conf)).as("nginx -t exit code for %s", body).isNotZero();
        assertThatThrownBy(() -> NginxConfigReader.parse(conf, "nginx.conf", dir))
                .isInstanceOf(NginxConfException.class)
                .hasMessageStartingWith("nginx.conf:");
    }
}
