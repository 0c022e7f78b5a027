package dev.wslogs.pipeline;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * At most {@code count} buffers of {@code size} bytes, made on first need (a small input never
 * allocates them all). {@link #take} waits while all are in use: that is what bounds the chunks in
 * flight, and so memory, whatever the size of the input.
 */
final class BufferPool {
    private final BlockingQueue<byte[]> free;
    private final int size;
    private final int count;
    private int made;

    BufferPool(int size, int count) {
        this.size = size;
        this.count = count;
        this.free = new ArrayBlockingQueue<>(count);
    }

    byte[] take() throws InterruptedException {
        byte[] b = free.poll();
        if (b != null) return b;
        synchronized (this) {
            if (made < count) {
                made++;
                return new byte[size];
            }
        }
        while (true) {
            b = free.poll(1, TimeUnit.SECONDS);
            if (b != null) return b;
        }
    }

    void give(byte[] b) {
        free.offer(b);
    }
}
