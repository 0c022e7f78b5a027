package dev.wslogs.lab.scenario;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lets time pass when the passing of time is the scenario (a session that lasts 2.5 s, an idle
 * tunnel): never used to wait for something to happen, for that the lab waits on conditions.
 */
final class Hold {
    private Hold() {}

    static void forDuration(Duration d) {
        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS)).join();
    }
}
