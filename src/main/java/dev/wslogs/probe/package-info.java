/**
 * {@code wslogs probe}: one real WebSocket handshake over raw sockets (and {@link javax.net.ssl.SSLSocket}
 * for wss://), so that every phase — DNS, TCP, TLS, the HTTP answer, the validity of the upgrade,
 * an optional echo and an optional idle hold — is timed and visible, which the JDK's WebSocket
 * client hides. {@link Prober} is stateless and reusable (the daemon can call it on a schedule);
 * it never throws for a network outcome and never waits longer than the timeouts it was given.
 * Outcomes are named with the diagnosis engine's cause ids ({@link ProbeDiagnosis},
 * {@link BackendComparison}). Text the server sent is kept verbatim in results and escaped only
 * by the renderers.
 */
package dev.wslogs.probe;
