package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NginxIncludeTest {

    @TempDir
    Path dir;

    @Test
    void relativeInclude_resolvesAgainstTheMainFilesDirectoryAndSplicesInPlace() throws Exception {
        Path main = write(dir, "nginx.conf", "events {}\nhttp {\n    include mime.types;\n    sendfile on;\n}\n");
        write(dir, "mime.types", "types {\n    text/html html;\n}\n");

        NginxConfig c = NginxConfigReader.read(main);

        List<Directive> http = c.http().orElseThrow().children();
        assertThat(http).extracting(Directive::name).containsExactly("include", "types", "sendfile");
        Directive types = http.get(1);
        assertThat(types.where()).isEqualTo(new SourceRef(dir.resolve("mime.types").toString(), 1, 1));
        assertThat(types.children().get(0).where().line()).isEqualTo(2);
        assertThat(http.get(2).where()).isEqualTo(new SourceRef(main.toString(), 4, 5));
    }

    @Test
    void includeFromIncludedFile_isStillRelativeToTheMainFilesDirectory() throws Exception {
        Path main = write(dir, "nginx.conf", "include sub/a.conf;\n");
        write(dir, "sub/a.conf", "include sub/b.conf;\n");
        write(dir, "sub/b.conf", "worker_processes 3;\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.directives()).extracting(Directive::text)
                .containsExactly("include sub/a.conf", "include sub/b.conf", "worker_processes 3");
    }

    @Test
    void absoluteInclude_isUsedAsIs() throws Exception {
        Path other = write(dir, "elsewhere/x.conf", "worker_processes 4;\n");
        Path main = write(dir, "conf/nginx.conf", "include " + other + ";\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.directives().get(1).where().file()).isEqualTo(other.toString());
    }

    @Test
    void globInclude_readsMatchesInByteOrderSkippingDotFilesAndDirectories() throws Exception {
        Path main = write(dir, "nginx.conf", "http { include conf.d/*.conf; }\n");
        for (String name : List.of("b.conf", "a.conf", "9.conf", "10.conf", "B.conf", "_.conf")) {
            write(dir, "conf.d/" + name, "server { server_name " + name + "; }\n");
        }
        write(dir, "conf.d/.hidden.conf", "server { server_name hidden; }\n");
        write(dir, "conf.d/notes.txt", "not included\n");
        write(dir, "conf.d/sub.conf/inner.conf", "server { server_name inner; }\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.servers()).extracting(ServerBlock::primaryName)
                .containsExactly("10.conf", "9.conf", "B.conf", "_.conf", "a.conf", "b.conf");
    }

    @Test
    void globInDirectoryComponent_matchesAcrossDirectories() throws Exception {
        Path main = write(dir, "nginx.conf", "http { include sites-*/*; }\n");
        write(dir, "sites-enabled/ws", "server { server_name ws; }\n");
        write(dir, "sites-available/api", "server { server_name api; }\n");
        write(dir, "other/x", "server { server_name no; }\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.servers()).extracting(ServerBlock::primaryName).containsExactly("api", "ws");
    }

    @Test
    void globMatchingNothing_isFine() throws Exception {
        Path main = write(dir, "nginx.conf", "http { include conf.d/*.conf; include nowhere/*; }\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.http().orElseThrow().children()).extracting(Directive::name).containsExactly("include", "include");
    }

    @Test
    void missingPlainInclude_isAnErrorAtTheIncludeDirective() throws Exception {
        Path main = write(dir, "nginx.conf", "http {\n  include conf.d/ws.conf;\n}\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e.where()).isEqualTo(new SourceRef(main.toString(), 2, 3));
        assertThat(e.token()).isEqualTo("conf.d/ws.conf");
        assertThat(e).hasMessageContaining("open() \"" + dir.resolve("conf.d/ws.conf") + "\" failed (No such file or directory)");
    }

    @Test
    void includeCycle_isAnErrorNamingTheChain() throws Exception {
        Path main = write(dir, "nginx.conf", "include a.conf;\n");
        Path a = write(dir, "a.conf", "include b.conf;\n");
        write(dir, "b.conf", "\n\ninclude a.conf;\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e.where()).isEqualTo(new SourceRef(dir.resolve("b.conf").toString(), 3, 1));
        assertThat(e.getMessage()).contains("include cycle: \"" + a + "\" is already being read")
                .contains("nginx.conf -> " + a + " -> " + dir.resolve("b.conf") + " -> " + a);
    }

    @Test
    void fileIncludingItself_isACycle() throws Exception {
        Path main = write(dir, "nginx.conf", "include nginx.conf;\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e).hasMessageContaining("include cycle");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void sameFileIncludedTwice_isReadTwiceAndListedOnce() throws Exception {
        Path main = write(dir, "nginx.conf", "http {\n server { include ws.inc; }\n server { include ws.inc; }\n}\n");
        write(dir, "ws.inc", "proxy_http_version 1.1;\n");

        NginxConfig c = NginxConfigReader.read(main);

        assertThat(c.servers()).allSatisfy(s -> assertThat(s.directive().child("proxy_http_version")).isPresent());
        assertThat(c.files()).containsExactly(main.toString(), dir.resolve("ws.inc").toString());
    }

    @Test
    void includeInsideMapBlock_addsEntries() throws Exception {
        Path main = write(dir, "nginx.conf", "http { map $http_upgrade $connection_upgrade { include upgrade.map; } }\n");
        write(dir, "upgrade.map", "default upgrade;\n'' close;\n");

        NginxConfig c = NginxConfigReader.read(main);

        MapBlock m = c.map("$connection_upgrade").orElseThrow();
        assertThat(m.defaultValue()).isEqualTo("upgrade");
        assertThat(m.entries()).extracting(MapEntry::key, MapEntry::value).containsExactly(tuple("", "close"));
    }

    @Test
    void syntaxErrorInIncludedFile_namesThatFile() throws Exception {
        Path main = write(dir, "nginx.conf", "http { include conf.d/*.conf; }\n");
        Path bad = write(dir, "conf.d/bad.conf", "server {\n  listen 80;\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e.file()).isEqualTo(bad.toString());
        assertThat(e).hasMessageContaining("expecting \"}\" to close \"server\"");
    }

    @Test
    void bracesMustBalanceWithinEachIncludedFile() throws Exception {
        Path main = write(dir, "nginx.conf", "http {\n  include open.conf;\n  }\n}\n");
        write(dir, "open.conf", "server {\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e.file()).isEqualTo(dir.resolve("open.conf").toString());
    }

    @Test
    void includeWithTwoArguments_isRejected() throws Exception {
        Path main = write(dir, "nginx.conf", "include a.conf b.conf;\n");

        NginxConfException e = catchThrowableOfType(NginxConfException.class, () -> NginxConfigReader.read(main));

        assertThat(e).hasMessage(main + ":1:1: invalid number of arguments in \"include\" directive");
    }

    @Test
    void textFromStdinWithRelativeIncludes_resolvesAgainstTheWorkingDirectoryOrTheGivenOne() throws Exception {
        write(dir, "ws.inc", "proxy_read_timeout 3600s;\n");
        Path cwd = Path.of("").toAbsolutePath();

        NginxConfException fromCwd = catchThrowableOfType(NginxConfException.class,
                () -> NginxConfigReader.read(new StringReader("include ws.inc;"), "-"));
        NginxConfig withDir = NginxConfigReader.parse("include ws.inc;", "-", dir);

        assertThat(fromCwd).hasMessage("-:1:1: open() \"" + cwd.resolve("ws.inc") + "\" failed (No such file or directory)");
        assertThat(withDir.source()).isEqualTo("-");
        assertThat(withDir.directives()).extracting(Directive::text)
                .containsExactly("include ws.inc", "proxy_read_timeout 3600s");
    }
}
