/**
 * {@code wslogs run}: follows the logs through the same {@link dev.wslogs.pipeline.Pipeline} as
 * {@code analyze}, exports metrics, journals incidents, raises alerts, and checkpoints.
 *
 * <p>Delivery is at-least-once with idempotent sinks: positions are saved only for lines whose
 * effects can no longer change (log time older than the pipeline's pending windows), so a
 * {@code kill -9} re-reads a few minutes of log at most; incidents re-found after a restart carry
 * the same ids (they derive from line content) and the journal drops them.
 */
package dev.wslogs.daemon;
