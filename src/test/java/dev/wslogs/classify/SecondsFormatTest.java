package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecondsFormatTest {
    @Test
    void millisAndTenths_matchTheFormatter() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long ms = i < 100_000 ? i : r.nextLong(0, 10_000_000_000L);
            assertThat(Classifier.millis(ms)).isEqualTo(String.format(Locale.ROOT, "%.3f", ms / 1000.0));
            assertThat(Classifier.tenths(ms)).isEqualTo(String.format(Locale.ROOT, "%.1f", ms / 1000.0));
        }
    }
}
