package dev.wslogs.classify;

import java.util.List;
import java.util.Optional;

/**
 * What nginx.conf says about the location that served a request — the facts logs alone cannot
 * give. Every fact cites where it comes from, so a finding can say which line to change.
 *
 * @param label          e.g. {@code server example.com, location /ws}
 * @param where          file:line of the location (or server) block
 * @param problems       what keeps an upgrade from reaching the back end, each with file:line
 * @param connectionHardcoded the {@code proxy_set_header Connection "upgrade"} directive, if the
 *                       header is a fixed "upgrade" rather than a map of {@code $http_upgrade}
 * @param upstreamServers servers behind proxy_pass (1 for a plain address)
 * @param affinity       whether the upstream pins clients (ip_hash, hash, sticky)
 * @param readTimeoutMillis the proxy_read_timeout in force here (nginx's 60 s when none is set)
 * @param readTimeoutWhere  file:line of that directive, or "nginx's default"
 */
public record LocationFacts(
        String label,
        String where,
        List<String> problems,
        Optional<String> connectionHardcoded,
        int upstreamServers,
        boolean affinity,
        String upstreamWhere,
        long readTimeoutMillis,
        String readTimeoutWhere) {

    public boolean forwardsUpgrade() {
        return problems.isEmpty();
    }
}
