/**
 * Alerts for hosts without Prometheus: a per-cause incident rate over a sliding window of log
 * time, an alert line on stderr (journald) and an optional JSON webhook, delivered off the pipeline
 * thread with retries and backoff; repeated alerts for a cause are suppressed for a minimum interval.
 */
package dev.wslogs.sink.alert;
