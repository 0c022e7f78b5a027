/**
 * {@code wslogs check-config}: reads an nginx configuration (through {@code nginxconf}) and reports,
 * for every location that carries WebSocket, long-polling or streaming traffic, the settings that
 * break it. Findings use the diagnosis engine's cause ids ({@code patterns/}) as rule ids, cite the
 * file:line to change and carry a fix snippet for that location. What a location does to an
 * upgrade is {@link dev.wslogs.classify.UpgradeForwarding}, shared with the log diagnosis.
 *
 * <p>Checks are pure functions of the configuration: no file other than the config (and its
 * includes) is read, nothing is resolved or connected to.
 */
package dev.wslogs.check;
