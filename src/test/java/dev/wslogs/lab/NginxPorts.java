package dev.wslogs.lab;

import java.util.List;
import java.util.stream.IntStream;

/** The loopback ports one nginx instance listens on, in the order the scenario asked for them. */
public record NginxPorts(List<Integer> ports) {
    public NginxPorts {
        ports = List.copyOf(ports);
    }

    static NginxPorts allocate(int count) {
        return new NginxPorts(IntStream.range(0, count).mapToObj(i -> FreePorts.next()).toList());
    }

    public int get(int index) {
        return ports.get(index);
    }

    /** The first port: most scenarios have just one. */
    public int main() {
        return ports.get(0);
    }
}
