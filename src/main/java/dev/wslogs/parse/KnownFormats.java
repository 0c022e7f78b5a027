package dev.wslogs.parse;

import java.util.List;

/**
 * Access-log formats recognised without configuration, in detection order. {@code wslogs} is the
 * format we recommend (it starts like {@code combined}, so other tools still read it).
 */
public final class KnownFormats {
    public static final String COMBINED =
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent \"$http_referer\" \"$http_user_agent\"";

    /** The recommended format: everything the diagnosis uses, as key=value after the combined part. */
    public static final String WSLOGS = COMBINED
            + " rt=$request_time msec=$msec cid=$connection pid=$pid cr=$connection_requests"
            + " host=\"$host\" port=$server_port scheme=$scheme upgrade=\"$http_upgrade\" connection=\"$http_connection\""
            + " us=\"$upstream_status\" ua=\"$upstream_addr\" uct=\"$upstream_connect_time\""
            + " uht=\"$upstream_header_time\" urt=\"$upstream_response_time\"";

    /** The extended text format of the scenario suite and many hand-written configs. */
    public static final String EXTENDED = COMBINED
            + " $request_time $upstream_status $upstream_addr $upstream_response_time $connection $connection_requests $pid"
            + " \"$http_upgrade\" \"$http_connection\"";

    /** nginx's documented example {@code main} (Debian's nginx.conf comments it in). */
    public static final String MAIN = COMBINED + " \"$http_x_forwarded_for\"";

    /** Apache-style virtual-host prefix. */
    public static final String VHOST_COMBINED = "$host " + COMBINED;

    /** ingress-nginx's default {@code upstreaminfo}. */
    public static final String INGRESS_UPSTREAMINFO = COMBINED
            + " $request_length $request_time [$proxy_upstream_name] [$proxy_alternative_upstream_name] $upstream_addr"
            + " $upstream_response_length $upstream_response_time $upstream_status $req_id";

    private KnownFormats() {}

    public static TextAccessFormat combined() {
        return TextAccessFormat.of("combined", COMBINED);
    }

    /** Candidates for detection, most specific first. */
    public static List<TextAccessFormat> candidates() {
        return List.of(
                TextAccessFormat.of("wslogs", WSLOGS),
                TextAccessFormat.of("extended", EXTENDED),
                TextAccessFormat.of("ingress-nginx upstreaminfo", INGRESS_UPSTREAMINFO),
                TextAccessFormat.of("main", MAIN),
                TextAccessFormat.of("vhost_combined", VHOST_COMBINED),
                TextAccessFormat.of("combined", COMBINED));
    }
}
