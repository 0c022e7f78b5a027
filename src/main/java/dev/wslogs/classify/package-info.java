/**
 * Attempts in, incidents out. The causes are data ({@code patterns/*.yml}): each rule lists
 * signals — conditions on the attempt's status, kind, error.log lines and upstream values — with a
 * confidence and an evidence template. Two signals need more than one line and are code:
 * the duration cluster at {@code proxy_read_timeout} and a session id that moved between back ends.
 * Rules compile once at load; a broken file fails with the file and field named.
 */
package dev.wslogs.classify;
