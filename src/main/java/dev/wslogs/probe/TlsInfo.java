package dev.wslogs.probe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS session with the server, from {@link javax.net.ssl.SSLSession}.
 *
 * @param verified     whether the certificate chain and host name passed verification
 * @param verifyError  why not, when not
 * @param subjectAltNames DNS names and IP addresses the certificate is valid for
 */
public record TlsInfo(String protocol, String cipherSuite, String subject, String issuer, Instant notAfter,
                      List<String> subjectAltNames, boolean verified, Optional<String> verifyError) {
    public TlsInfo {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(notAfter, "notAfter");
        subjectAltNames = List.copyOf(subjectAltNames);
        Objects.requireNonNull(verifyError, "verifyError");
    }
}
