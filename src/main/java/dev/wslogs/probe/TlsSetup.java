package dev.wslogs.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** The client TLS context of a probe (default trust store or a CA file) and what a session tells. */
final class TlsSetup {
    private TlsSetup() {}

    static RecordingTrustManager trustManager(Optional<Path> caFile, boolean insecure) throws IOException, GeneralSecurityException {
        KeyStore store = null;
        if (caFile.isPresent()) {
            store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            try (InputStream in = Files.newInputStream(caFile.get())) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca" + i++, c);
                }
                if (i == 0) throw new IOException(caFile.get() + ": no PEM certificate in it");
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) return new RecordingTrustManager(x, insecure);
        }
        throw new GeneralSecurityException("no X509 trust manager in this JDK");
    }

    static SSLContext context(RecordingTrustManager tm) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {tm}, null);
        return ctx;
    }

    /** The session's facts; {@code leaf} may come from the trust manager when the session has none. */
    static TlsInfo info(SSLSession session, X509Certificate leaf, String failure) {
        String protocol = session == null ? "(handshake failed)" : session.getProtocol();
        String cipher = session == null ? "" : session.getCipherSuite();
        if (leaf == null) {
            return new TlsInfo(protocol, cipher, "", "", java.time.Instant.EPOCH, List.of(), failure == null && session != null,
                    Optional.ofNullable(failure));
        }
        return new TlsInfo(protocol, cipher, leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                leaf.getNotAfter().toInstant(), altNames(leaf), failure == null && session != null, Optional.ofNullable(failure));
    }

    private static List<String> altNames(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            Collection<List<?>> names = c.getSubjectAlternativeNames();
            if (names == null) return out;
            for (List<?> n : names) {
                if (n.size() < 2) continue;
                Object type = n.get(0);
                if (Integer.valueOf(2).equals(type)) out.add("DNS:" + n.get(1));
                else if (Integer.valueOf(7).equals(type)) out.add("IP:" + n.get(1));
            }
        } catch (CertificateParsingException e) {
            out.add("(unreadable: " + e.getMessage() + ")");
        }
        return out;
    }
}
