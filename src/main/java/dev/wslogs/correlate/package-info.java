/**
 * Joins access-log lines with the error.log lines of the same connection, in log time.
 *
 * <p>Invariant: events arrive in (approximately) log-time order, error lines of a second before
 * access lines of the same second. nginx writes a connection's error lines before its access line
 * (the access line is written when the request is freed), so an access line can claim its errors
 * the moment it arrives; error lines nobody claims within {@code retention} of log time leave as
 * error-only attempts. Pending state has a size cap; evictions are counted.
 */
package dev.wslogs.correlate;
