package dev.wslogs.lab;

/**
 * One reproducible situation: an nginx configuration written the way people really write it, the
 * back ends behind it and the client actions against it. Each run gets its own nginx, back ends
 * and directory, so scenarios run concurrently.
 */
public interface Scenario {
    /** Directory and label name, e.g. {@code upstream-reset}. */
    String name();

    /** Starts what it needs through {@code ctx} (which stops it all), acts, and records each action. */
    void run(ScenarioContext ctx) throws Exception;
}
