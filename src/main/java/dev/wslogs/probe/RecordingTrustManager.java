package dev.wslogs.probe;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Verifies the server as the JDK would (chain and, through endpoint identification, host name)
 * and remembers the outcome, so a probe can report it; with {@code insecure} it lets the handshake
 * go on after a failure.
 */
final class RecordingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final boolean insecure;
    private volatile String failure;
    private volatile boolean checked;
    private volatile X509Certificate leaf;

    RecordingTrustManager(X509ExtendedTrustManager delegate, boolean insecure) {
        this.delegate = delegate;
        this.insecure = insecure;
    }

    /** Why verification failed, or null when it passed (or did not happen). */
    String failure() {
        return failure;
    }

    boolean checked() {
        return checked;
    }

    /** The server's certificate as presented, even when it failed verification. */
    X509Certificate leaf() {
        return leaf;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checked = true;
        if (chain != null && chain.length > 0) leaf = chain[0];
        try {
            delegate.checkServerTrusted(chain, authType, socket);
        } catch (CertificateException e) {
            failure = String.valueOf(e.getMessage());
            if (!insecure) throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checked = true;
        if (chain != null && chain.length > 0) leaf = chain[0];
        try {
            delegate.checkServerTrusted(chain, authType, engine);
        } catch (CertificateException e) {
            failure = String.valueOf(e.getMessage());
            if (!insecure) throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checked = true;
        if (chain != null && chain.length > 0) leaf = chain[0];
        try {
            delegate.checkServerTrusted(chain, authType);
        } catch (CertificateException e) {
            failure = String.valueOf(e.getMessage());
            if (!insecure) throw e;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a probe does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a probe does not accept clients");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a probe does not accept clients");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
