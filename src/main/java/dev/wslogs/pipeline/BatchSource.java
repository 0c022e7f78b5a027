package dev.wslogs.pipeline;

import java.util.List;
import java.util.concurrent.BlockingQueue;

/** The events of a {@link SeriesReader} (an error-log series), batch by batch. */
final class BatchSource implements EventSource {
    private final BlockingQueue<List<Event>> queue;
    private List<Event> batch;
    private int pos;
    private boolean done;

    BatchSource(BlockingQueue<List<Event>> queue) {
        this.queue = queue;
    }

    @Override
    public boolean ready() throws InterruptedException {
        while (!done && (batch == null || pos >= batch.size())) {
            List<Event> b = queue.take();
            if (b == SeriesReader.END) {
                done = true;
                batch = null;
            } else {
                batch = b;
                pos = 0;
            }
        }
        return !done;
    }

    @Override
    public long time() {
        return batch.get(pos).time();
    }

    @Override
    public int rank() {
        return batch.get(pos) instanceof Event.Access ? 1 : 0;
    }

    @Override
    public void deliver(Pipeline pipeline) {
        pipeline.accept(batch.get(pos++));
    }
}
