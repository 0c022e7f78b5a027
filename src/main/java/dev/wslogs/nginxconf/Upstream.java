package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An http {@code upstream} block.
 *
 * @param balancing          the method in effect; when several balancing directives are present
 *                           the last one wins, as in nginx (which warns "load balancing method
 *                           redefined")
 * @param balancingDirective the directive that selected it ({@code hash $remote_addr consistent;})
 * @param sticky             a {@code sticky} directive (nginx Plus / third-party), if any
 * @param keepalive          the {@code keepalive} connection cache size, if set
 */
public record Upstream(String name, List<UpstreamServer> servers, BalancingMethod balancing,
                       Optional<Directive> balancingDirective, Optional<Directive> sticky,
                       OptionalInt keepalive, Directive directive) {

    public Upstream {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(balancing, "balancing");
        Objects.requireNonNull(balancingDirective, "balancingDirective");
        Objects.requireNonNull(sticky, "sticky");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(directive, "directive");
        servers = List.copyOf(servers);
    }

    static Upstream of(Directive d) {
        BalancingMethod method = BalancingMethod.ROUND_ROBIN;
        Optional<Directive> methodDirective = Optional.empty();
        Optional<Directive> sticky = Optional.empty();
        OptionalInt keepalive = OptionalInt.empty();
        List<UpstreamServer> servers = new ArrayList<>();
        for (Directive c : d.children()) {
            Optional<BalancingMethod> m = BalancingMethod.ofDirective(c.name());
            if (m.isPresent()) {
                method = m.get();
                methodDirective = Optional.of(c);
            } else if (c.is("sticky") && sticky.isEmpty()) {
                sticky = Optional.of(c);
            } else if (c.is("keepalive") && c.args().size() == 1 && c.args().get(0).matches("\\d{1,9}")) {
                keepalive = OptionalInt.of(Integer.parseInt(c.args().get(0)));
            } else if (c.is("server") && !c.args().isEmpty()) {
                servers.add(new UpstreamServer(c.args().get(0), c.args().subList(1, c.args().size()), c.where()));
            }
        }
        return new Upstream(d.args().get(0), servers, method, methodDirective, sticky, keepalive, d);
    }

    public SourceRef where() {
        return directive.where();
    }

    /** {@code hash ... consistent} (ketama). */
    public boolean consistentHash() {
        return balancing == BalancingMethod.HASH
                && balancingDirective.map(b -> b.args().contains("consistent")).orElse(false);
    }

    @Override
    public String toString() {
        return "upstream " + name + " " + servers + " " + balancing + " @" + directive.where();
    }
}
