package dev.wslogs.nginxconf;

import java.util.Optional;

/**
 * How an {@code upstream} picks a server. Only {@link #IP_HASH} and {@link #HASH} (with a
 * client-derived key) pin a client to one server; {@code sticky} (nginx Plus and third-party
 * modules) is kept apart in {@link Upstream#sticky()} because it combines with any method.
 */
public enum BalancingMethod {
    /** No balancing directive: weighted round robin. */
    ROUND_ROBIN,
    IP_HASH,
    /** {@code hash KEY [consistent]}. */
    HASH,
    LEAST_CONN,
    /** {@code least_time} (nginx Plus). */
    LEAST_TIME,
    RANDOM;

    /** The method a balancing directive selects, if {@code name} is one. */
    static Optional<BalancingMethod> ofDirective(String name) {
        return switch (name) {
            case "ip_hash" -> Optional.of(IP_HASH);
            case "hash" -> Optional.of(HASH);
            case "least_conn" -> Optional.of(LEAST_CONN);
            case "least_time" -> Optional.of(LEAST_TIME);
            case "random" -> Optional.of(RANDOM);
            default -> Optional.empty();
        };
    }
}
