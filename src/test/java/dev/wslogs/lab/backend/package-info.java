/**
 * Real back ends for the lab, on 127.0.0.1 only, built from the JDK and Java-WebSocket: a WebSocket
 * server (echo, silent, reset, server close), a plain HTTP server, an engine.io-like long-polling +
 * upgrade server, slow, streaming, non-HTTP and connection-dropping services, a dead port and a
 * port whose accept queue is full. They behave as the real thing on the wire (real TCP resets via
 * {@code SO_LINGER 0}, real TLS), because nginx's logs are only worth what its peers really did.
 */
package dev.wslogs.lab.backend;
