package dev.wslogs.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The nginx variables wslogs understands in an access log. A compiled {@code log_format} maps each
 * of its {@code $variables} to one of these (or ignores it); an {@link AccessEntry} stores values
 * by ordinal, so every format shares one compact layout.
 */
public enum Field {
    REMOTE_ADDR("remote_addr"),
    REMOTE_USER("remote_user"),
    TIME_LOCAL("time_local"),
    TIME_ISO8601("time_iso8601"),
    MSEC("msec"),
    REQUEST("request"),
    REQUEST_METHOD("request_method"),
    REQUEST_URI("request_uri"),
    URI("uri"),
    ARGS("args"),
    SERVER_PROTOCOL("server_protocol"),
    STATUS("status"),
    BODY_BYTES_SENT("body_bytes_sent"),
    BYTES_SENT("bytes_sent"),
    REQUEST_LENGTH("request_length"),
    REQUEST_TIME("request_time"),
    HTTP_REFERER("http_referer"),
    HTTP_USER_AGENT("http_user_agent"),
    HTTP_UPGRADE("http_upgrade"),
    HTTP_CONNECTION("http_connection"),
    HTTP_HOST("http_host"),
    HOST("host"),
    SERVER_NAME("server_name"),
    SERVER_ADDR("server_addr"),
    SERVER_PORT("server_port"),
    SCHEME("scheme"),
    HTTPS("https"),
    SSL_PROTOCOL("ssl_protocol"),
    HTTP_X_FORWARDED_FOR("http_x_forwarded_for"),
    HTTP_X_FORWARDED_PROTO("http_x_forwarded_proto"),
    HTTP_ORIGIN("http_origin"),
    UPSTREAM_STATUS("upstream_status"),
    UPSTREAM_ADDR("upstream_addr"),
    UPSTREAM_RESPONSE_TIME("upstream_response_time"),
    UPSTREAM_CONNECT_TIME("upstream_connect_time"),
    UPSTREAM_HEADER_TIME("upstream_header_time"),
    UPSTREAM_BYTES_RECEIVED("upstream_bytes_received"),
    UPSTREAM_BYTES_SENT("upstream_bytes_sent"),
    CONNECTION("connection"),
    CONNECTION_REQUESTS("connection_requests"),
    CONNECTION_TIME("connection_time"),
    PID("pid"),
    REQUEST_ID("request_id");

    private static final Map<String, Field> BY_NAME = new HashMap<>();
    public static final int COUNT = values().length;

    static {
        for (Field f : values()) BY_NAME.put(f.variable, f);
    }

    private final String variable;

    Field(String variable) {
        this.variable = variable;
    }

    /** The nginx variable name without {@code $}. */
    public String variable() {
        return variable;
    }

    /** The field for an nginx variable name (without {@code $}), or {@code null}. */
    public static Field forVariable(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }
}
