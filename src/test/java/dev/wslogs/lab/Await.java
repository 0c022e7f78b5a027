package dev.wslogs.lab;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition with a deadline. Log files and listening sockets cannot notify us, so
 * they are probed; the probe interval is short and never a substitute for the condition itself.
 */
public final class Await {
    private static final long PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private Await() {}

    /** Returns the first non-empty probe result, or throws {@link AssertionError} naming {@code what}. */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> result = probe.get();
            if (result.isPresent()) return result.get();
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            LockSupport.parkNanos(PROBE_NANOS);
        }
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /** Like {@link #until(String, Duration, BooleanSupplier)} but reports instead of throwing. */
    public static boolean within(Duration timeout, BooleanSupplier condition) {
        try {
            until("condition", timeout, condition);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
