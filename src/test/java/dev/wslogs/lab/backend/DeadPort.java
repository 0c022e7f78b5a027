package dev.wslogs.lab.backend;

import dev.wslogs.lab.FreePorts;

/** A loopback port nobody listens on (allocated, then released): connect() is refused. */
public record DeadPort(int port) {
    public static DeadPort allocate() {
        return new DeadPort(FreePorts.next());
    }
}
