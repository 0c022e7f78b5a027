package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates generated at test time with the openssl CLI: a self-signed server certificate for
 * localhost/127.0.0.1 (PEM for nginx, PKCS#12 for Java back ends) and an unrelated "internal CA"
 * that a misconfigured {@code proxy_ssl_trusted_certificate} points at.
 */
public record TlsMaterial(Path certPem, Path keyPem, Path serverP12, Path otherCaPem) {
    private static final char[] PASSWORD = "lab-pass".toCharArray();

    public static TlsMaterial generate(Path dir) {
        try {
            Files.createDirectories(dir);
            Path cert = dir.resolve("server.crt");
            Path key = dir.resolve("server.key");
            Path p12 = dir.resolve("server.p12");
            Path ca = dir.resolve("internal-ca.crt");
            openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key.toString(), "-out", cert.toString(), "-days", "30", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
            openssl(dir, "pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                    "-name", "server", "-passout", "pass:" + new String(PASSWORD));
            openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", dir.resolve("internal-ca.key").toString(), "-out", ca.toString(), "-days", "30",
                    "-subj", "/CN=Lab Internal CA");
            return new TlsMaterial(cert, key, p12, ca);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openssl(Path dir, String... args) throws IOException {
        var cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile()).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + args[0] + " failed: " + Files.readString(dir.resolve("openssl.out")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Server side: presents the self-signed certificate. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(serverP12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Client side: trusts exactly the self-signed certificate (what a configured client does). */
    public SSLContext trustingClientContext() {
        try (InputStream in = Files.newInputStream(certPem)) {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
