/**
 * The durable incident journal: every incident as one JSON line in a Chronicle Queue under the
 * state directory, rolled daily, old days deleted after the retention. Readers ({@code wslogs
 * incidents}) may run while the daemon appends. Incident ids are deterministic, so a daemon that
 * re-reads lines after a restart recognises incidents it journaled already and drops them.
 */
package dev.wslogs.sink.journal;
