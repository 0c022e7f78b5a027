package dev.wslogs.correlate;

/** What an access line is to the diagnosis. */
public enum AttemptKind {
    /** A WebSocket handshake (status 101, an Upgrade header, transport=websocket, or a WebSocket path). */
    UPGRADE,
    /** Long-polling / streaming transport of a real-time library (socket.io/engine.io/SockJS polling). */
    POLLING,
    /** Ordinary web traffic. */
    OTHER,
    /** error.log lines that no access line claimed (e.g. a TLS handshake that never became a request). */
    ERROR_ONLY
}
