package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.find;
import static dev.wslogs.nginxconf.Fixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NginxTokenizerTest {

    @Test
    void simpleDirectivesAndBlocks_formATreeWithSourceLines() throws Exception {
        List<Directive> t = tree("worker_processes 2;\nevents {\n  worker_connections 64;\n}\n");

        assertThat(t).extracting(Directive::name).containsExactly("worker_processes", "events");
        assertThat(t.get(0).args()).containsExactly("2");
        assertThat(t.get(0).children()).isEmpty();
        Directive wc = find(t, "events", "worker_connections");
        assertThat(wc.args()).containsExactly("64");
        assertThat(wc.where()).isEqualTo(new SourceRef("test.conf", 3, 3));
        assertThat(t.get(1).where()).isEqualTo(new SourceRef("test.conf", 2, 1));
    }

    @Test
    void quotedStrings_loseTheirQuotesAndKeepSpacesAndSemicolons() throws Exception {
        List<Directive> t = tree("x \"a b;c\" 'd {e} f' \"\" '';");

        assertThat(t.get(0).args()).containsExactly("a b;c", "d {e} f", "", "");
    }

    @Test
    void backslashEscapes_resolveOnlyTheSixThatNginxResolves() throws Exception {
        List<Directive> t = tree("x \"q\\\"q\" 's\\'s' \"b\\\\b\" \"t\\tn\\nr\\r\" \"\\d\\.\" a\\;b;");

        assertThat(t.get(0).args()).containsExactly("q\"q", "s's", "b\\b", "t\tn\nr\r", "\\d\\.", "a\\;b");
    }

    @Test
    void variables_areKeptVerbatimIncludingBracedForm() throws Exception {
        List<Directive> t = tree("set $x ${host}_$uri;\nx \"${a}b\" ${b};");

        assertThat(t.get(0).args()).containsExactly("$x", "${host}_$uri");
        assertThat(t.get(1).args()).containsExactly("${a}b", "${b}");
    }

    @Test
    void braceAfterWordWithoutDollar_opensABlock() throws Exception {
        List<Directive> t = tree("server{listen 80;}");

        assertThat(t.get(0).name()).isEqualTo("server");
        assertThat(t.get(0).children()).extracting(Directive::text).containsExactly("listen 80");
    }

    @Test
    void hashInsideAWordOrQuotes_isNotAComment() throws Exception {
        List<Directive> t = tree("x a#b \"#c\" '#d';");

        assertThat(t.get(0).args()).containsExactly("a#b", "#c", "#d");
    }

    @Test
    void commentsInOddPlaces_areSkippedToEndOfLine() throws Exception {
        String conf = """
                # leading comment; with { braces }
                listen # the port follows
                  8080 # and the terminator too
                ;
                http { # comment after brace
                  # only comment
                } # after closing brace
                x "a" # after quoted
                ;
                """;

        List<Directive> t = tree(conf);

        assertThat(t).extracting(Directive::text).containsExactly("listen 8080", "http", "x a");
        assertThat(t.get(1).children()).isEmpty();
        assertThat(t.get(0).where().line()).isEqualTo(2);
    }

    @Test
    void closingParenthesisAfterQuote_isAccepted() throws Exception {
        List<Directive> t = tree("if ($http_upgrade = \"websocket\") { return 200; }");

        Directive ifBlock = t.get(0);
        assertThat(ifBlock.args()).containsExactly("($http_upgrade", "=", "websocket", ")");
        assertThat(ifBlock.children()).extracting(Directive::text).containsExactly("return 200");
    }

    @Test
    void quotedDirectiveName_isStillTheName() throws Exception {
        assertThat(tree("\"listen\" 80;").get(0).name()).isEqualTo("listen");
    }

    @Test
    void quotedStringSpanningLines_keepsNewlinesAndCountsLines() throws Exception {
        List<Directive> t = tree("log_format m 'a\nb'\n  'c';\nnext 1;");

        assertThat(t.get(0).args()).containsExactly("m", "a\nb", "c");
        assertThat(t.get(1).where().line()).isEqualTo(4);
    }

    @Test
    void crlfLineEndings_areWhitespaceAndLinesCountAtLf() throws Exception {
        List<Directive> t = tree("a 1;\r\nb 2;\r\n\r\nc 3;\r\n");

        assertThat(t).extracting(d -> d.where().line()).containsExactly(1, 2, 4);
        assertThat(t.get(2).args()).containsExactly("3");
    }

    @Test
    void tabsAndMultipleSpaces_separateWords() throws Exception {
        assertThat(tree("x\t a \t\tb;").get(0).args()).containsExactly("a", "b");
    }

    @Test
    void backslashBeforeSpace_keepsTheSpaceInTheWord() throws Exception {
        assertThat(tree("x a\\ b;").get(0).args()).containsExactly("a\\ b");
    }

    @Test
    void nonAsciiText_isReadAsUtf8WithColumnsInCharacters() throws Exception {
        List<Directive> t = tree("add_header X-Note \"café\";\nlocation /ü { }");

        assertThat(t.get(0).args()).containsExactly("X-Note", "café");
        assertThat(t.get(1).args()).containsExactly("/ü");
    }

    @Test
    void emptyInput_givesAnEmptyTree() throws Exception {
        assertThat(tree("")).isEmpty();
        assertThat(tree("  \n# only a comment")).isEmpty();
    }

    @Test
    void wordDirectlyAfterClosingQuote_isAnError() {
        assertThatThrownBy(() -> tree("log_format a \"x\"y;"))
                .isInstanceOf(NginxConfException.class)
                .hasMessage("test.conf:1:17: unexpected \"y\"");
    }
}
