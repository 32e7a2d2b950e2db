package sohoa.sign.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import sohoa.sign.pki.DevelopmentPki;
import sohoa.sign.pki.PkiLayout;

/**
 * Serves a development PKI on loopback: {@code POST /tsa} (RFC 3161), {@code POST /ocsp}
 * (RFC 6960, nonces echoed), {@code GET /crl/root-ca.crl}, {@code /crl/issuing-ca.crl} and
 * {@code GET /ca/root-ca.cer}, {@code /ca/issuing-ca.cer}. The CRLs are made afresh when it
 * starts. Each request is one short exchange; answers are signed with the PKI's TSA and OCSP keys.
 */
public final class PkiService implements AutoCloseable {
  /** The development TSA's policy; an arc under a private enterprise number for tests only. */
  private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1.1");

  private final HttpServer server;
  private final Clock clock;
  private final X509Certificate root;
  private final X509Certificate issuing;
  private final Map<String, byte[]> files;
  private final List<BigInteger> revoked;
  private final PrivateKey tsaKey;
  private final List<X509Certificate> tsaChain;
  private final PrivateKey ocspKey;
  private final X509Certificate ocspCertificate;
  private final AtomicLong serial = new AtomicLong(new SecureRandom().nextInt(1 << 20));
  private final DigestCalculatorProvider digests;

  private PkiService(PkiLayout layout, char[] password, Clock clock, int port)
      throws IOException, GeneralSecurityException {
    this.clock = clock;
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("no digest calculators", e);
    }
    CertificateFactory x509 = CertificateFactory.getInstance("X.509");
    this.root = certificate(x509, layout.rootCertificate());
    this.issuing = certificate(x509, layout.issuingCertificate());
    X509CRL current;
    try (InputStream in = Files.newInputStream(layout.issuingCrl())) {
      current = (X509CRL) x509.generateCRL(in);
    }
    List<BigInteger> serials = new ArrayList<>();
    if (current.getRevokedCertificates() != null) {
      for (X509CRLEntry entry : current.getRevokedCertificates()) {
        serials.add(entry.getSerialNumber());
      }
    }
    this.revoked = List.copyOf(serials);
    KeyStore caKeys = keystore(layout.caKeys(), password);
    Instant now = clock.instant();
    X509CRLHolder rootCrl = DevelopmentPki.crl(root,
        (PrivateKey) caKeys.getKey("root-ca", password), List.of(), now);
    X509CRLHolder issuingCrl = DevelopmentPki.crl(issuing,
        (PrivateKey) caKeys.getKey("issuing-ca", password), revoked, now);
    this.files = Map.of("/crl/root-ca.crl", rootCrl.getEncoded(),
        "/crl/issuing-ca.crl", issuingCrl.getEncoded(),
        "/ca/root-ca.cer", root.getEncoded(), "/ca/issuing-ca.cer", issuing.getEncoded());
    Files.write(layout.rootCrl(), rootCrl.getEncoded());
    Files.write(layout.issuingCrl(), issuingCrl.getEncoded());
    KeyStore tsa = keystore(layout.keystore("tsa"), password);
    this.tsaKey = (PrivateKey) tsa.getKey("tsa", password);
    this.tsaChain = List.of((X509Certificate) tsa.getCertificate("tsa"), issuing, root);
    KeyStore ocsp = keystore(layout.keystore("ocsp"), password);
    this.ocspKey = (PrivateKey) ocsp.getKey("ocsp", password);
    this.ocspCertificate = (X509Certificate) ocsp.getCertificate("ocsp");
    this.server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "sohoa-pki-service");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/tsa", this::timestamp);
    server.createContext("/ocsp", this::ocsp);
    server.createContext("/crl/", this::file);
    server.createContext("/ca/", this::file);
  }

  /**
   * Starts the service of the PKI in {@code layout} on the port its certificates name.
   *
   * @param password the PKI's keystore password
   */
  public static PkiService start(PkiLayout layout, char[] password, Clock clock)
      throws IOException, GeneralSecurityException {
    int port = Integer.parseInt(Files.readString(layout.portFile()).strip());
    PkiService service = new PkiService(layout, password, clock, port);
    service.server.start();
    return service;
  }

  /** The address the service answers at, e.g. {@code http://127.0.0.1:8765/}. */
  public String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void timestamp(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        reply(exchange, 405, "text/plain", "POST an RFC 3161 request".getBytes(StandardCharsets.UTF_8));
        return;
      }
      TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
      TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
          new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKey, tsaChain.get(0)),
          digests.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), POLICY);
      tokens.addCertificates(new JcaCertStore(tsaChain));
      byte[] response = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED)
          .generate(request, BigInteger.valueOf(serial.incrementAndGet()),
              Date.from(clock.instant()))
          .getEncoded();
      reply(exchange, 200, "application/timestamp-reply", response);
    } catch (Exception e) {
      badRequest(exchange, e);
    }
  }

  private void ocsp(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        reply(exchange, 405, "text/plain", "POST an OCSP request".getBytes(StandardCharsets.UTF_8));
        return;
      }
      OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
      Instant now = clock.instant();
      BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(ocspCertificate.getPublicKey(),
          digests.get(CertificateID.HASH_SHA1));
      X509CertificateHolder issuer = new JcaX509CertificateHolder(issuing);
      for (Req one : request.getRequestList()) {
        CertificateID id = one.getCertID();
        CertificateStatus status = !id.matchesIssuer(issuer, digests) ? new UnknownStatus()
            : revoked.contains(id.getSerialNumber())
                ? new RevokedStatus(Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise)
                : CertificateStatus.GOOD;
        builder.addResponse(id, status, Date.from(now), Date.from(now.plus(Duration.ofDays(1))),
            null);
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new Extensions(nonce));
      }
      BasicOCSPResp basic = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
          .build(ocspKey), new X509CertificateHolder[] {
              new JcaX509CertificateHolder(ocspCertificate), issuer}, Date.from(now));
      reply(exchange, 200, "application/ocsp-response",
          new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded());
    } catch (Exception e) {
      badRequest(exchange, e);
    }
  }

  private void file(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = files.get(exchange.getRequestURI().getPath());
      if (body == null) {
        reply(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
      } else {
        reply(exchange, 200, exchange.getRequestURI().getPath().endsWith(".crl")
            ? "application/pkix-crl" : "application/pkix-cert", body);
      }
    }
  }

  private static void badRequest(HttpExchange exchange, Exception e) throws IOException {
    String message = "cannot answer: " + (e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getMessage());
    reply(exchange, 400, "text/plain", message.getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static X509Certificate certificate(CertificateFactory x509, Path file)
      throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) x509.generateCertificate(in);
    }
  }

  private static KeyStore keystore(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password);
    }
    return store;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
