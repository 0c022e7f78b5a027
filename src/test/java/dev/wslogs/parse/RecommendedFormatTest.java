package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.nginxconf.LogFormat;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.NginxConfigReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped nginx snippet defines exactly the format wslogs recommends and detects. */
class RecommendedFormatTest {
    @Test
    void shippedSnippet_definesTheRecommendedFormat(@TempDir Path dir) throws Exception {
        String snippet = Files.readString(Path.of("systemd", "nginx-wslogs.conf"));
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, "events {}\nhttp {\n" + snippet + "\n}\n");
        NginxConfig c = NginxConfigReader.read(conf);
        LogFormat f = c.logFormat("wslogs").orElseThrow();
        assertThat(f.template()).isEqualTo(KnownFormats.WSLOGS);
        assertThat(c.accessLogs()).anySatisfy(a -> assertThat(a.formatName()).isEqualTo("wslogs"));
    }
}
