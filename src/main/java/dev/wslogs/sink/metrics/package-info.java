/**
 * Prometheus metrics through Micrometer. Names follow {@code wslogs_<what>_<unit>}; counters end in
 * {@code _total}; label values come from bounded sets (cause ids, status codes, configured files,
 * a capped set of WebSocket paths with the rest as {@code other}).
 */
package dev.wslogs.sink.metrics;
