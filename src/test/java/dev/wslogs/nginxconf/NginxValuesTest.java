package dev.wslogs.nginxconf;

import static dev.wslogs.nginxconf.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NginxValuesTest {

    @Test
    void sourceRef_rejectsPositionsBeforeTheFirstLineOrColumn() {
        assertThatThrownBy(() -> new SourceRef("a.conf", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SourceRef("a.conf", 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SourceRef("a.conf", 12, 5)).hasToString("a.conf:12");
        assertThat(SourceRef.BUILTIN.isBuiltin()).isTrue();
    }

    @Test
    void directive_isImmutableAndSummarisesItselfOnOneLine() {
        Directive d = new Directive("proxy_set_header", new java.util.ArrayList<>(List.of("Connection", "")), List.of(),
                new SourceRef("a.conf", 3, 5));

        assertThat(d.text()).isEqualTo("proxy_set_header Connection \"\"");
        assertThat(d).hasToString("proxy_set_header Connection \"\" @a.conf:3");
        assertThat(d.arg(1)).hasValue("");
        assertThat(d.arg(2)).isEmpty();
        assertThatThrownBy(() -> d.args().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void locationMatch_hasALocationExactlyWhenItMatched() {
        assertThatThrownBy(() -> new LocationMatch(Optional.empty(), LocationMatch.Kind.PREFIX))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(LocationMatch.NONE.location()).isEmpty();
    }

    @Test
    void scope_namesItsServerAndInnermostLocation() throws Exception {
        NginxConfig c = parse("http { server { location /a/ { location /a/b { } } } }");
        Location inner = c.servers().get(0).allLocations().get(1);

        Scope s = inner.scope();

        assertThat(s).hasToString("http > server > location /a/ > location /a/b");
        assertThat(s.server()).contains(c.servers().get(0).directive());
        assertThat(s.location()).contains(inner.directive());
        assertThat(s.parent().flatMap(Scope::location)).contains(c.servers().get(0).locations().get(0).directive());
        assertThat(Scope.MAIN.parent()).isEmpty();
        assertThat(Scope.MAIN).hasToString("main");
    }

    @Test
    void nginxConfig_listsItsParts() throws Exception {
        NginxConfig c = parse("events { }\nhttp { server { } }");

        assertThat(c.http()).isPresent();
        assertThat(c.files()).containsExactly("test.conf");
        assertThat(c.isDump()).isFalse();
        assertThat(c).hasToString("NginxConfig[test.conf, 1 files, 1 servers]");
        assertThat(parse("events { }").http()).isEmpty();
    }
}
