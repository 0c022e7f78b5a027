package dev.wslogs.nginxconf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NginxGlobTest {

    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource({
            "*.conf, ws.conf, true",
            "*.conf, .ws.conf, false",
            ".*.conf, .ws.conf, true",
            "*, default, true",
            "ws?.conf, ws1.conf, true",
            "ws?.conf, ws.conf, false",
            "[ab].conf, a.conf, true",
            "[ab].conf, c.conf, false",
            "[!ab].conf, c.conf, true",
            "[^ab].conf, a.conf, false",
            "[a-c].conf, b.conf, true",
            "[a-c].conf, d.conf, false",
            "\\*.conf, *.conf, true",
            "\\*.conf, a.conf, false",
            "a+b(c).conf, a+b(c).conf, true",
            "[.conf, [.conf, true",
    })
    void globComponent_matchesLikeGlob3(String glob, String name, boolean expected) {
        assertThat(Glob.component(glob).matcher(name).matches()).isEqualTo(expected);
    }

    @Test
    void wholePathPattern_doesNotLetStarCrossSlashes() {
        assertThat(Glob.path("/etc/nginx/conf.d/*.conf").matcher("/etc/nginx/conf.d/ws.conf").matches()).isTrue();
        assertThat(Glob.path("/etc/nginx/conf.d/*.conf").matcher("/etc/nginx/conf.d/sub/ws.conf").matches()).isFalse();
        assertThat(Glob.path("/etc/nginx/sites-*/*").matcher("/etc/nginx/sites-enabled/ws").matches()).isTrue();
    }

    @Test
    void nginxOrder_isByteOrderNotLocaleOrder() {
        List<String> names = new ArrayList<>(List.of("b.conf", "a.conf", "B.conf", "10.conf", "9.conf", "_x.conf", "é.conf"));

        names.sort(Glob.NGINX_ORDER);

        assertThat(names).containsExactly("10.conf", "9.conf", "B.conf", "_x.conf", "a.conf", "b.conf", "é.conf");
    }

    @Test
    void patternDetection_usesNginxsCharacterSet() {
        assertThat(Glob.isPattern("conf.d/*.conf")).isTrue();
        assertThat(Glob.isPattern("ws?.conf")).isTrue();
        assertThat(Glob.isPattern("[ab].conf")).isTrue();
        assertThat(Glob.isPattern("conf.d/{a,b}.conf")).isFalse();
    }
}
