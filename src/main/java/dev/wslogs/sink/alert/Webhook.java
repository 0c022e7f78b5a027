package dev.wslogs.sink.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * POSTs alert payloads from a bounded queue on one background thread: exponential backoff between
 * retries (1 s, 2 s, 4 s … capped at 60 s), a full queue drops the newest payload and counts it.
 * The pipeline thread only ever enqueues.
 */
public final class Webhook implements AutoCloseable {
    private static final int QUEUE = 100;
    private final URI url;
    private final Duration timeout;
    private final int retries;
    private final long baseBackoffMillis;
    private final HttpClient client;
    private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private final Consumer<String> log;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    public Webhook(String url, Duration timeout, int retries, long baseBackoffMillis, Consumer<String> log) {
        this.url = URI.create(url);
        this.timeout = timeout;
        this.retries = retries;
        this.baseBackoffMillis = baseBackoffMillis;
        this.log = log;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.worker = new Thread(this::run, "wslogs-webhook");
        worker.setDaemon(true);
        worker.start();
    }

    public void send(String json) {
        if (!queue.offer(json)) {
            dropped.incrementAndGet();
            log.accept("wslogs: webhook queue full, alert dropped");
        }
    }

    public long delivered() {
        return delivered.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            String json;
            try {
                json = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (json != null) deliver(json);
        }
    }

    private void deliver(String json) {
        long backoff = baseBackoffMillis;
        for (int attempt = 0; attempt <= retries; attempt++) {
            try {
                HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout).header("Content-Type", "application/json")
                        .header("User-Agent", "wslogs").POST(HttpRequest.BodyPublishers.ofString(json)).build();
                HttpResponse<Void> resp = client.send(req, HttpResponse.BodyHandlers.discarding());
                if (resp.statusCode() / 100 == 2) {
                    delivered.incrementAndGet();
                    return;
                }
                if (resp.statusCode() / 100 == 4 && resp.statusCode() != 429) break; // the receiver refuses it: retrying will not help
            } catch (java.io.IOException e) {
                // retried below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt == retries || closed) break;
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
            backoff = Math.min(backoff * 2, 60_000);
        }
        failed.incrementAndGet();
        log.accept("wslogs: webhook " + url + " failed after " + (retries + 1) + " attempts");
    }

    @Override
    public void close() {
        closed = true;
        try {
            worker.join(timeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.interrupt();
    }
}
