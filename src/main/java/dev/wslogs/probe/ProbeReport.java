package dev.wslogs.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * A probe through the front (usually nginx), the optional direct probe of the back end, and the
 * verdict over both.
 */
public record ProbeReport(ProbeResult front, Optional<ProbeResult> backend, Verdict verdict) {
    public ProbeReport {
        Objects.requireNonNull(front, "front");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(verdict, "verdict");
    }

    public static ProbeReport of(ProbeResult front, Optional<ProbeResult> backend) {
        Verdict v = backend.map(b -> BackendComparison.compare(front, b)).orElseGet(() -> ProbeDiagnosis.of(front));
        return new ProbeReport(front, backend, v);
    }

    /** The upgrade works through the front (echo and hold included when asked). */
    public boolean ok() {
        return front.ok();
    }
}
