package sohoa.certify;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.core.document.DocumentId;
import sohoa.core.event.EventSink;
import sohoa.sign.identity.PemCertificates;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.sign.pki.PkiLayout;
import sohoa.store.fs.FileSystemStore;

/**
 * A separate officer's process for {@link ConcurrentIssuanceTest}: issues {@code count} copies of
 * one original against the shared PostgreSQL catalog and store, printing each number.
 *
 * <p>Arguments: JDBC-URL STORE-DIR WORK-DIR PKI-DIR DOC-ID BOOK COUNT
 */
public final class IssueLoop {
  private IssueLoop() {}

  public static void main(String[] args) throws Exception {
    PkiLayout pki = new PkiLayout(Path.of(args[3]));
    char[] password = Files.readString(pki.passwordFile()).strip().toCharArray();
    TimestampAuthority tsa = TimestampAuthority.at(URI.create("http://127.0.0.1:"
        + Files.readString(pki.portFile()).strip() + "/tsa"));
    List<java.security.cert.X509Certificate> root = PemCertificates.read(pki.rootCertificate());
    CopySigning signing = new CopySigning(
        new PadesSigner(Pkcs12Identities.load(pki.keystore("officer"), password,
            Optional.empty()), Optional.of(tsa), root),
        new PadesSigner(Pkcs12Identities.load(pki.keystore("agency"), password,
            Optional.empty()), Optional.of(tsa), root), SignatureLevel.B_T);
    try (Catalog catalog = Catalog.open(args[0])) {
      CertificationService service = new CertificationService(catalog,
          new FileSystemStore(Path.of(args[1])), signing, CopyFonts.locate(),
          URI.create("https://chungthuc.test"), Path.of(args[2]), Clock.systemUTC(),
          EventSink.NONE);
      for (int i = 0; i < Integer.parseInt(args[6]); i++) {
        CertifiedCopy copy = service.issue(new CertificationRequest(new DocumentId(args[4]),
            new Officer("Nguyễn Thị Hoa", "Công chức Tư pháp - Hộ tịch"),
            "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa", "dinh-hoa", args[5], Placement.PAGE));
        System.out.println("issued " + copy.entry().number());
      }
    }
  }
}
