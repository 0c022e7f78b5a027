package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGHUP's reload: a good config swaps the rules in; a broken one is reported and the old set stays. */
class DaemonReloadTest {
    @TempDir
    Path dir;

    @Test
    void reload_goodThenBroken_keepsLastGoodRules() throws Exception {
        Path a = Files.createFile(dir.resolve("access.log"));
        Path e = Files.createFile(dir.resolve("error.log"));
        Path patterns = Files.createDirectories(dir.resolve("patterns"));
        Path conf = dir.resolve("wslogs.yml");
        Files.writeString(conf, "access_logs: [" + a + "]\nerror_logs: [" + e + "]\nstate_dir: " + dir.resolve("state")
                + "\nlisten: 127.0.0.1:0\npatterns_dir: " + patterns + "\n");
        List<String> log = new ArrayList<>();
        Config c = dev.wslogs.config.ConfigLoader.load(conf);
        try (Daemon d = new Daemon(c, log::add, new TestClock())) {
            d.configFile(conf);
            d.start();
            Files.writeString(patterns.resolve("tls.yml"), "id: tls\ntitle: Site TLS\nsummary: s\nfix: f\nsignals: []\n");
            d.reload();
            assertThat(log).anySatisfy(l -> assertThat(l).startsWith("wslogs: reloaded"));
            assertThat(d.rules().get("tls").title()).isEqualTo("Site TLS");

            Files.writeString(patterns.resolve("tls.yml"), "id: tls\ntitle: Broken\nsumary: typo\n");
            d.reload();
            assertThat(log).anySatisfy(l -> assertThat(l).contains("reload failed, keeping the previous configuration")
                    .contains("tls.yml").contains("sumary"));
            assertThat(d.rules().get("tls").title()).isEqualTo("Site TLS");
        }
    }
}
