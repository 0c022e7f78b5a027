package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the installed nginx with {@code -T} on a multi-file configuration and reads its output
 * (stdout and stderr together, as users paste it). Fails when nginx is missing.
 */
class NginxRealDumpTest {

    @TempDir
    Path dir;

    private Path main;

    @BeforeEach
    void writeConfig() throws Exception {
        main = write(dir, "conf/nginx.conf", Fixtures.nginxMain(dir) + """
                events {}
                http {
                    log_format ws_json escape=json '{"time":"$time_iso8601",'
                                                   '"status":$status,"rt":$request_time}';
                    map $http_upgrade $connection_upgrade {
                        default upgrade;
                        ''      close;
                    }
                    include conf.d/*.conf;
                    include sites-enabled/*;
                }
                """);
        write(dir, "conf/conf.d/upstream.conf", """
                upstream websocket_backend {
                    ip_hash;
                    server 127.0.0.1:8080 max_fails=3;
                    server 127.0.0.1:8081 down;
                    keepalive 32;
                }
                """);
        write(dir, "conf/conf.d/ws.conf", "server {\n"
                + "    listen 127.0.0.1:18080;\n"
                + "    server_name ws.example.com;\n"
                + "    access_log " + dir.resolve("ws.access.log") + " ws_json;\n"
                + "    location /ws {\n"
                + "        proxy_pass http://websocket_backend;\n"
                + "        proxy_http_version 1.1;\n"
                + "        proxy_set_header Upgrade $http_upgrade;\n"
                + "        proxy_set_header Connection $connection_upgrade;\n"
                + "        proxy_read_timeout 3600s;\n"
                + "    }\n"
                + "}");
        write(dir, "conf/conf.d/B.conf", "# upper case sorts before lower case in glob(3) order\n");
        write(dir, "conf/conf.d/.hidden.conf", "server { listen 127.0.0.1:18081; }\n");
        write(dir, "conf/sites-enabled/default", "server {\n"
                + "    listen 127.0.0.1:18080 default_server;\n"
                + "    access_log " + dir.resolve("default.access.log") + ";\n"
                + "    location / { return 404; }\n"
                + "}\n");
    }

    private String nginxDump() throws Exception {
        Path out = dir.resolve("dump.txt");
        Process p = new ProcessBuilder(Fixtures.nginxBinary().toString(), "-T", "-p", dir + "/", "-c", main.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("nginx -T finished").isTrue();
        String dump = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("nginx -T exit code; output:%n%s", dump).isZero();
        return dump;
    }

    @Test
    void realDump_isReadAsTheSameTreeAsTheFilesOnDisk() throws Exception {
        String dump = nginxDump();

        NginxConfig fromDump = NginxConfigReader.parse(dump, "-");
        NginxConfig fromDisk = NginxConfigReader.read(main);

        assertThat(dump).contains("syntax is ok").contains("# configuration file " + main + ":");
        assertThat(fromDump.isDump()).isTrue();
        assertThat(fromDisk.isDump()).isFalse();
        assertThat(fromDump.directives()).isEqualTo(fromDisk.directives());
        assertThat(fromDisk.files()).isEqualTo(fromDump.files());
        assertThat(fromDump.files()).containsExactly(main.toString(), dir.resolve("conf/conf.d/B.conf").toString(),
                dir.resolve("conf/conf.d/upstream.conf").toString(), dir.resolve("conf/conf.d/ws.conf").toString(),
                dir.resolve("conf/sites-enabled/default").toString());
    }

    @Test
    void realDump_givesFormatsLogsServersAndUpstreamsWithFileAndLine() throws Exception {
        NginxConfig c = NginxConfigReader.parse(nginxDump(), "-");

        LogFormat json = c.logFormat("ws_json").orElseThrow();
        assertThat(json.escape()).isEqualTo(LogEscape.JSON);
        assertThat(json.template()).isEqualTo("{\"time\":\"$time_iso8601\",\"status\":$status,\"rt\":$request_time}");
        assertThat(json.where()).isEqualTo(new SourceRef(main.toString(), 5, 5));

        ServerBlock ws = c.selectServer(18080, "ws.example.com").orElseThrow();
        assertThat(c.accessLogsFor(ws)).extracting(AccessLog::formatName).containsExactly("ws_json");
        ServerBlock other = c.selectServer(18080, "unknown.example.com").orElseThrow();
        assertThat(c.accessLogsFor(other)).extracting(AccessLog::formatName).containsExactly("combined");
        assertThat(other.where().file()).isEqualTo(dir.resolve("conf/sites-enabled/default").toString());

        Location loc = c.selectLocation(ws, "/ws").orElseThrow();
        Directive pass = c.effective("proxy_pass", loc).orElseThrow();
        assertThat(pass.where()).isEqualTo(new SourceRef(dir.resolve("conf/conf.d/ws.conf").toString(), 6, 9));
        Upstream up = c.resolveUpstream(pass.args().get(0)).orElseThrow();
        assertThat(up.balancing()).isEqualTo(BalancingMethod.IP_HASH);
        assertThat(up.keepalive()).hasValue(32);
        assertThat(up.servers()).extracting(UpstreamServer::address).containsExactly("127.0.0.1:8080", "127.0.0.1:8081");
        assertThat(c.map("connection_upgrade")).isPresent();
    }
}
