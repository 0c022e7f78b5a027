package dev.wslogs.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RotationOrderTest {
    @Test
    void numberedSeries_anyOrder_oldestFirst() {
        assertThat(RotationOrder.oldestFirst(List.of("access.log", "access.log.1", "access.log.3.gz", "access.log.2.gz")))
                .containsExactly("access.log.3.gz", "access.log.2.gz", "access.log.1", "access.log");
        assertThat(RotationOrder.oldestFirst(List.of("access.log.1", "access.log.3.gz", "access.log")))
                .containsExactly("access.log.3.gz", "access.log.1", "access.log");
    }

    @Test
    void dateext_olderDatesFirst_liveFileLast() {
        assertThat(RotationOrder.oldestFirst(List.of("a.log", "a.log-20261121", "a.log-20261120.gz")))
                .containsExactly("a.log-20261120.gz", "a.log-20261121", "a.log");
    }

    @Test
    void seriesKey_stripsRotationSuffixes() {
        assertThat(RotationOrder.seriesKey("/var/log/nginx/access.log.2.gz")).isEqualTo("/var/log/nginx/access.log");
        assertThat(RotationOrder.seriesKey("error.log")).isEqualTo("error.log");
    }
}
