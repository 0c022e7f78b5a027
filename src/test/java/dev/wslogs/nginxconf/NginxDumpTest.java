package dev.wslogs.nginxconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** {@code nginx -T} dumps written by hand; {@link NginxRealDumpTest} uses real nginx output. */
class NginxDumpTest {

    /** Paths that exist nowhere on disk: includes must be served from the dump. */
    private static final String DUMP = """
            nginx: the configuration file /nowhere/nginx/nginx.conf syntax is ok
            nginx: configuration file /nowhere/nginx/nginx.conf test is successful
            # configuration file /nowhere/nginx/nginx.conf:
            events {}
            http {
                include mime.types;
                log_format ws '$remote_addr $status $request_time';
                include /nowhere/nginx/conf.d/*.conf;
                include sites-enabled/*;
            }

            # configuration file /nowhere/nginx/mime.types:
            types {
                text/html html;
            }

            # configuration file /nowhere/nginx/conf.d/b.conf:
            server { server_name b; }

            # configuration file /nowhere/nginx/conf.d/a.conf:
            # a comment first
            server {
                server_name a;
                access_log /var/log/nginx/a.log ws;
            }

            # configuration file /nowhere/nginx/sites-enabled/default:
            server { listen 80 default_server; }
            """;

    @Test
    void dump_isDetectedAndSplitIntoVirtualFiles() throws Exception {
        NginxConfig c = NginxConfigReader.parse(DUMP, "-");

        assertThat(c.isDump()).isTrue();
        assertThat(c.source()).isEqualTo("-");
        assertThat(c.files()).containsExactly("/nowhere/nginx/nginx.conf", "/nowhere/nginx/mime.types",
                "/nowhere/nginx/conf.d/a.conf", "/nowhere/nginx/conf.d/b.conf", "/nowhere/nginx/sites-enabled/default");
    }

    @Test
    void dumpIncludes_resolveByGlobAndRelativePathAgainstTheDumpInSortedOrder() throws Exception {
        NginxConfig c = NginxConfigReader.parse(DUMP, "-");

        assertThat(c.servers()).extracting(ServerBlock::primaryName).containsExactly("a", "b", "");
        assertThat(c.http().orElseThrow().child("types")).isPresent();
    }

    @Test
    void dumpLines_areCountedWithinEachVirtualFile() throws Exception {
        NginxConfig c = NginxConfigReader.parse(DUMP, "-");

        ServerBlock a = c.servers().get(0);
        assertThat(a.where()).isEqualTo(new SourceRef("/nowhere/nginx/conf.d/a.conf", 2, 1));
        assertThat(c.accessLogs().get(0).where()).isEqualTo(new SourceRef("/nowhere/nginx/conf.d/a.conf", 4, 5));
        assertThat(c.logFormat("ws").orElseThrow().where()).isEqualTo(new SourceRef("/nowhere/nginx/nginx.conf", 4, 5));
    }

    @Test
    void stderrLinesAndCrlf_anywhereInTheDump_areIgnored() throws Exception {
        String pasted = "\r\n" + DUMP.replace("\n", "\r\n")
                .replace("server { server_name b; }", "server { server_name b; }\r\nnginx: [warn] conflicting server name \"x\" on 0.0.0.0:80, ignored");

        NginxConfig c = NginxConfigReader.read(new StringReader(pasted), "pasted.txt");

        assertThat(c.isDump()).isTrue();
        assertThat(c.servers()).extracting(ServerBlock::primaryName).containsExactly("a", "b", "");
        assertThat(c.servers().get(0).where().line()).isEqualTo(2);
    }

    @Test
    void pastedCommandLineBeforeTheDump_isIgnored() throws Exception {
        NginxConfig c = NginxConfigReader.parse("$ sudo nginx -T 2>&1\n" + DUMP, "-");

        assertThat(c.isDump()).isTrue();
        assertThat(c.servers()).hasSize(3);
    }

    @Test
    void missingPlainIncludeInDump_isAnErrorAtTheInclude() {
        String dump = "# configuration file /nowhere/nginx.conf:\nhttp {\n  include ws.conf;\n}\n";

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.parse(dump, "-"));

        assertThat(e.where()).isEqualTo(new SourceRef("/nowhere/nginx.conf", 2, 3));
        assertThat(e).hasMessageContaining("open() \"/nowhere/ws.conf\" failed");
    }

    @Test
    void fileWithoutTrailingNewline_endsWhereTheNextHeaderStarts() throws Exception {
        String dump = "# configuration file /n/nginx.conf:\nhttp { include x.conf; }\n\n"
                + "# configuration file /n/x.conf:\nserver { server_name x; }\n"
                + "# configuration file /n/unused.conf:\nserver { server_name unused; }\n";

        NginxConfig c = NginxConfigReader.parse(dump, "dump.txt");

        assertThat(c.servers()).extracting(ServerBlock::primaryName).containsExactly("x");
    }

    @Test
    void dumpIncludePathWithDotSegments_findsTheVirtualFile() throws Exception {
        String dump = "# configuration file /n/conf/nginx.conf:\nhttp { include ../shared/./ws.conf; }\n\n"
                + "# configuration file /n/conf/../shared/./ws.conf:\nserver { server_name ws; }\n\n";

        NginxConfig c = NginxConfigReader.parse(dump, "-");

        assertThat(c.servers()).extracting(ServerBlock::primaryName).containsExactly("ws");
    }

    @Test
    void configStartingWithAnOrdinaryComment_isNotADump() throws Exception {
        NginxConfig c = NginxConfigReader.parse("# configuration for ws\nworker_processes 1;\n", "nginx.conf", Fixtures.NO_DIR);

        assertThat(c.isDump()).isFalse();
        assertThat(c.directives()).hasSize(1);
    }

    @Test
    void textBeforeTheFirstHeader_meansNotADump() throws Exception {
        String text = "worker_processes 1;\n# configuration file /x/y.conf:\n";

        NginxConfig c = NginxConfigReader.parse(text, "nginx.conf", Fixtures.NO_DIR);

        assertThat(c.isDump()).isFalse();
    }
}
