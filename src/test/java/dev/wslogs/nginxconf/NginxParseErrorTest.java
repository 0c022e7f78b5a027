package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class NginxParseErrorTest {

    private static NginxConfException error(String conf) {
        return catchThrowableOfType(NginxConfException.class, () -> tree(conf));
    }

    @Test
    void extraClosingBrace_namesItsLineAndColumn() {
        NginxConfException e = error("http {\n  server { }\n}\n}\n");

        assertThat(e).hasMessage("test.conf:4:1: unexpected \"}\"");
        assertThat(e.token()).isEqualTo("}");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void missingClosingBrace_namesTheUnclosedBlock() {
        NginxConfException e = error("http {\n  server {\n    listen 80;\n  }\n");

        assertThat(e).hasMessage("test.conf:5:1: unexpected end of file, expecting \"}\" to close \"http\" opened at line 1");
        assertThat(e.token()).isEqualTo("http");
    }

    @Test
    void unterminatedQuote_pointsAtTheOpeningQuote() {
        NginxConfException e = error("http {\n  log_format main '$remote_addr\n}\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(19);
        assertThat(e.getMessage()).startsWith("test.conf:2:19: unterminated quoted string starting \"$remote_addr\\n}\\n\"");
        assertThat(e.token()).isEqualTo("$remote_addr\n}\n");
    }

    @Test
    void missingSemicolonAtEndOfFile_namesTheDirective() {
        NginxConfException e = error("events {}\nworker_processes 2");

        assertThat(e).hasMessage("test.conf:2:1: unexpected end of file, expecting \";\" or \"}\" after"
                + " \"worker_processes\" (missing \";\"?)");
    }

    @Test
    void missingSemicolonBeforeClosingBrace_isAnUnexpectedBrace() {
        NginxConfException e = error("server {\n  location / { return 200 }\n}");

        assertThat(e).hasMessage("test.conf:2:27: unexpected \"}\"");
    }

    @Test
    void missingSemicolonInsideABlock_isReportedAsNginxDoesWithAHint() {
        NginxConfException e = error("""
                server {
                  location /ws {
                    proxy_pass http://backend:8080
                    proxy_set_header Host $host;
                  }
                }
                """);

        assertThat(e).hasMessage("test.conf:3:5: invalid number of arguments in \"proxy_pass\" directive"
                + " (missing \";\" before \"proxy_set_header\" at 4:5?)");
        assertThat(e.token()).isEqualTo("proxy_pass");
    }

    @Test
    void semicolonWithoutDirective_isUnexpected() {
        assertThat(error("listen 80;;")).hasMessage("test.conf:1:11: unexpected \";\"");
    }

    @Test
    void blockWithoutName_isUnexpected() {
        assertThat(error("http {\n  { }\n}")).hasMessage("test.conf:2:3: unexpected \"{\"");
    }

    @Test
    void locationWithoutBlock_isReported() {
        assertThat(error("server { location /ws; }"))
                .hasMessage("test.conf:1:10: directive \"location\" has no opening \"{\"");
    }

    @Test
    void simpleDirectiveWithBlock_isReported() {
        assertThat(error("server { location / { proxy_pass http://b { } } }"))
                .hasMessage("test.conf:1:23: directive \"proxy_pass\" is not terminated by \";\"");
    }

    @Test
    void flagWithOtherValue_isReported() {
        assertThat(error("proxy_buffering no;"))
                .hasMessage("test.conf:1:1: invalid value \"no\" in \"proxy_buffering\" directive, it must be \"on\" or \"off\"");
    }

    @Test
    void unknownDirective_isNotCheckedSoThirdPartyModulesParse() throws Exception {
        assertThat(tree("more_set_headers 'Server: x' 'X: y' 'Z: z';")).hasSize(1);
    }

    @Test
    void dataBlockEntries_areNotCheckedAsDirectives() throws Exception {
        assertThat(tree("map $a $b { listen x; proxy_pass 1 2; }").get(0).children()).hasSize(2);
    }
}
