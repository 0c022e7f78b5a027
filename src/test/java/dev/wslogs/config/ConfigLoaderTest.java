package dev.wslogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    @Test
    void shippedExampleConfig_loadsWithItsValues() throws Exception {
        Config c = ConfigLoader.load(Path.of("systemd", "wslogs.yml"));
        assertThat(c.accessLogs()).containsExactly("/var/log/nginx/access.log");
        assertThat(c.nginxConf()).isEqualTo("/etc/nginx/nginx.conf");
        assertThat(c.listen()).isEqualTo(Config.DEFAULT_LISTEN);
        assertThat(c.alerts().thresholdFor("backend-down")).isEqualTo(3);
        assertThat(c.alerts().thresholdFor("client-abort")).isEqualTo(10);
        assertThat(c.journal().retentionDays()).isEqualTo(14);
    }

    @Test
    void emptyFile_isTheDefaults() throws Exception {
        Config c = ConfigLoader.parse("", "x.yml");
        assertThat(c.stateDir()).isEqualTo("/var/lib/wslogs");
        assertThat(c.readTimeoutsSeconds()).containsExactly(60.0);
    }

    @Test
    void unknownKey_namesKeyAndLine() {
        assertThatThrownBy(() -> ConfigLoader.parse("access_logs: [a]\nacess_log: b\n", "w.yml"))
                .hasMessageContaining("w.yml:2").hasMessageContaining("unknown key 'acess_log'").hasMessageContaining("access_logs");
        assertThatThrownBy(() -> ConfigLoader.parse("alerts:\n  window: 5\n", "w.yml")).hasMessageContaining("alerts.window");
    }

    @Test
    void invalidValues_allListed() {
        assertThatThrownBy(() -> ConfigLoader.parse("poll_interval_ms: 1\nlisten: nope\njournal: {retention_days: 0}\n", "w.yml"))
                .hasMessageContaining("poll_interval_ms").hasMessageContaining("listen").hasMessageContaining("retention_days");
        assertThatThrownBy(() -> ConfigLoader.parse("poll_interval_ms: [1]\n", "w.yml")).hasMessageContaining("w.yml:1");
    }
}
