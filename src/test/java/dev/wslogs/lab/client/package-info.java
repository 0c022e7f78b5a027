/**
 * Real clients for the lab: the JDK's {@code java.net.http} WebSocket and HttpClient for ordinary
 * sessions and web traffic, raw sockets where a client must misbehave on the wire (TCP reset, plain
 * HTTP to a TLS port, a ClientHello to a plain port, giving up mid-handshake). All connect to
 * 127.0.0.1 only.
 */
package dev.wslogs.lab.client;
