package sohoa.certify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.CertificationRegister;
import sohoa.catalog.RegisterBook;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.error.BrokerFailure;
import sohoa.core.error.CertificationFailure;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.NotFound;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.event.EventSink;
import sohoa.core.event.RecordEvent;
import sohoa.core.process.Holder;
import sohoa.sign.identity.CertificateNames;
import sohoa.sign.identity.SigningIdentity;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * Issues electronic certified copies: the one operation behind {@code sohoa certify} and the HTTP
 * API. Every number it takes from the register ends bound to a stored, signed copy or voided with
 * the reason — on failure here at once, after a crash by the next issuance anywhere
 * ({@link AbandonedNumbers}).
 */
public final class CertificationService {
  /** The date of issue is Vietnam's, whatever the server's zone. */
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Catalog catalog;
  private final CertificationRegister register;
  private final ObjectStore store;
  private final CopySigning signing;
  private final CopyMaker maker;
  private final AbandonedNumbers abandoned;
  private final URI verificationBase;
  private final Path work;
  private final Clock clock;
  private final EventSink events;
  private final SecureRandom random = new SecureRandom();
  private final Holder holder = Holder.current();
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @param verificationBase where the verification page is served ({@code sohoa serve}), e.g.
   *     {@code https://chungthuc.example.gov.vn}: the QR code leads to {@code <base>/verify/<id>}
   * @param work a folder for the copy while it is made and signed
   * @param events where {@code copy.issued} is announced once a copy is issued
   */
  public CertificationService(Catalog catalog, ObjectStore store, CopySigning signing,
      CopyFonts fonts, URI verificationBase, Path work, Clock clock, EventSink events) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.register = catalog.register();
    this.store = Objects.requireNonNull(store, "store");
    this.signing = Objects.requireNonNull(signing, "signing");
    this.maker = new CopyMaker(fonts);
    this.abandoned = new AbandonedNumbers(register, store, clock);
    this.verificationBase = Objects.requireNonNull(verificationBase, "verificationBase");
    this.work = Objects.requireNonNull(work, "work");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * The certifying agency as the lời chứng names it: the holder of the agency seal's certificate
   * (cơ quan thực hiện chứng thực), never a name typed in.
   */
  public String agency() {
    return signing.agency().signerName();
  }

  /** The certificate of the officer's key this service signs with when none is handed in. */
  public X509Certificate officerCertificate() {
    return signing.officer().certificate();
  }

  /**
   * A lời chứng names the officer and the agency whose keys sign the copy, and no one else: a
   * copy printed with one name and signed with another's key is refused before it is numbered.
   */
  private static void requireSigner(String who, String printed, String certificate)
      throws ConfigurationError {
    if (!CertificateNames.sameName(printed, certificate)) {
      throw new ConfigurationError("the lời chứng would name the " + who + " '" + printed
          + "' but the " + who + "'s signing certificate is issued to '" + certificate + "'",
          "certify with the " + who + "'s own key, or name the " + who + " as the certificate"
              + " does (an officer account's name must match its certificate:"
              + " sohoa officers add)");
    }
  }

  /**
   * Issues a certified copy of {@code request.original()} with the next number of its book.
   *
   * @throws ConfigurationError when the original is not catalogued or has no PDF/A
   * @throws SohoaException when the copy cannot be made, signed or stored: its number is then
   *     voided with the reason
   */
  public CertifiedCopy issue(CertificationRequest request) throws SohoaException {
    return issue(request, signing);
  }

  /**
   * As {@link #issue(CertificationRequest)}, the officer signing with their own key (unlocked
   * with their PIN for this copy), the agency with the configured seal.
   */
  public CertifiedCopy issue(CertificationRequest request, SigningIdentity officer)
      throws SohoaException {
    return issue(request, new CopySigning(signing.officer().withIdentity(officer),
        signing.agency(), signing.level()));
  }

  private CertifiedCopy issue(CertificationRequest request, CopySigning signing)
      throws SohoaException {
    requireSigner("officer", request.officer().name(), signing.officer().signerName());
    requireSigner("agency", request.agency(), signing.agency().signerName());
    recoverAbandoned();
    StoredDocument original = catalog.documents().stored(request.original()).orElseThrow(() ->
        new NotFound("there is no document " + request.original() + " in the catalog",
            "digitise the original first (sohoa digitize FILE), or give the file itself to"
                + " sohoa certify"));
    ArtifactRecord pdfa = original.artifacts().stream().filter(a -> a.kind().equals("pdfa"))
        .findFirst().orElseThrow(() -> new ConfigurationError("the document " + original.id()
            + " has no PDF/A to certify", "digitise the original again"));
    Path originalFile = fetch(pdfa);
    Path copyFile = work.resolve(originalFile.getFileName() + ".copy.pdf");
    Path officerSigned = work.resolve(originalFile.getFileName() + ".officer.pdf");
    Path signed = work.resolve(originalFile.getFileName() + ".signed.pdf");
    Instant now = clock.instant();
    LocalDate date = LocalDate.ofInstant(now, VIETNAM);
    RegisterBook book = new RegisterBook(request.office(), request.book(), date.getYear());
    CopyId id = CopyId.random(random);
    RegisterEntry reserved = register.reserve(book, id, original.id(),
        request.officer().name(), request.officer().title(), request.agency(),
        holder.toString(), now);
    CertifiedCopy issued;
    try {
      int pages = CopyMaker.copyPages(original.pageCount(), request.placement());
      String url = CertificationMark.verificationUrl(verificationBase, id, pdfa.sha256());
      CertificationStatement statement = new CertificationStatement(request.agency(),
          reserved.number(), book, date, request.officer(), pages, url);
      CertificationMark mark = new CertificationMark(id, book, reserved.number(), original.id(),
          pdfa.size(), pdfa.sha256(), request.officer().name(), request.officer().title(),
          request.agency(), now, pages, url);
      make(originalFile, copyFile, statement, mark, request.placement());
      signing.sign(copyFile, officerSigned, signed, request.agency());
      StoredObject stored = store.put(ObjectKey.copy(id, "certified.pdf"), signed);
      store.protect(stored.key());
      store.put(ObjectKey.copy(id, "manifest.json"), manifest(mark, request, stored, pdfa,
          signing));
      issued = new CertifiedCopy(register.issue(reserved, pages, stored.key().value(),
          stored.sha256(), clock.instant()), stored, url);
    } catch (SohoaException | RuntimeException e) {
      voidQuietly(reserved, e);
      throw e;
    } finally {
      for (Path f : List.of(originalFile, copyFile, officerSigned, signed)) {
        deleteQuietly(f);
      }
    }
    announce(issued, pdfa);
    return issued;
  }

  /** Tells subscribers; the copy stands whether or not the broker takes the event. */
  private void announce(CertifiedCopy copy, ArtifactRecord original) throws BrokerFailure {
    try {
      events.publish(new RecordEvent(RecordEvent.Type.COPY_ISSUED,
          copy.entry().copyId().value(), Map.of("certified", copy.pdf().sha256().hex(),
              "original-pdfa", original.sha256().hex()), clock.instant()));
    } catch (BrokerFailure e) {
      throw new BrokerFailure("the certified copy " + copy.entry().copyId() + " (Số chứng thực "
          + copy.entry().number() + ") is issued and stored, but " + e.getMessage(),
          "nothing to redo for the copy; tell the systems that subscribe to copy.issued", e);
    }
  }

  /** The register numbers are taken from. */
  public CertificationRegister register() {
    return register;
  }

  /** Closes the numbers that processes which died while issuing left open. */
  public List<RegisterEntry> recoverAbandoned() throws StorageFailure {
    return abandoned.close();
  }

  /** The original's PDF/A, from the store into the work folder, its hash checked. */
  private Path fetch(ArtifactRecord pdfa) throws StorageFailure {
    Path file;
    try {
      Files.createDirectories(work);
      file = Files.createTempFile(work, "original-", ".pdf");
    } catch (IOException e) {
      throw new StorageFailure("the work folder " + work + " is not writable: " + e.getMessage(),
          "check the data folder's permissions and free space", e);
    }
    ContentHash actual;
    try (InputStream in = store.open(new ObjectKey(pdfa.objectKey()))) {
      actual = ContentHash.copy(in, file);
    } catch (IOException e) {
      deleteQuietly(file);
      throw new StorageFailure("the original's PDF/A " + pdfa.objectKey() + " cannot be read from the"
          + " store: " + e.getMessage(), "check the object store", e);
    }
    if (!actual.equals(pdfa.sha256())) {
      throw new StorageFailure("the original's PDF/A " + pdfa.objectKey() + " in the store does not"
          + " match its catalogued hash (" + actual.hex() + " instead of " + pdfa.sha256().hex()
          + ")", "restore the object from backup before certifying copies of it", null);
    }
    return file;
  }

  /** Removes a work file; one left behind in the work folder harms nothing. */
  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  private void make(Path original, Path copy, CertificationStatement statement,
      CertificationMark mark, Placement placement) throws CertificationFailure {
    try {
      maker.make(original, copy, statement, mark, placement);
    } catch (IOException | RuntimeException e) {
      throw new CertificationFailure("the certification page cannot be added to the original's"
          + " PDF/A: " + e.getMessage(), "check the fonts (fonts-dejavu-core) and digitise the"
          + " original again", e);
    }
  }

  private byte[] manifest(CertificationMark mark, CertificationRequest request,
      StoredObject stored, ArtifactRecord pdfa, CopySigning signing) throws StorageFailure {
    CopyManifest manifest = new CopyManifest(CopyManifest.SCHEMA, mark.copyId().value(),
        mark.originalId().value(), new CopyManifest.Original(pdfa.sha256().hex(), pdfa.size()),
        new CopyManifest.Register(mark.book().office(), mark.book().code(), mark.book().year(),
            mark.number(), mark.book().label()),
        mark.officer(), mark.officerTitle(), mark.agency(), mark.issuedAt().toString(),
        mark.pages(), request.placement().name().toLowerCase(java.util.Locale.ROOT),
        signing.level().label(), List.of(signing.officer().signerName(),
            signing.agency().signerName()), mark.verificationUrl(),
        new CopyManifest.Artifact(stored.key().value(), stored.sha256().hex(), stored.size()));
    try {
      return json.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new StorageFailure("the copy's manifest cannot be written: " + e.getMessage(),
          "report this as a bug", e);
    }
  }

  private void voidQuietly(RegisterEntry reserved, Exception cause) {
    try {
      register.voidEntry(reserved, cause.getMessage() == null ? cause.getClass().getSimpleName()
          : cause.getMessage(), clock.instant());
    } catch (StorageFailure e) {
      // The entry stays RESERVED under this process's name; recoverAbandoned() voids it once
      // this process is gone. The caller gets the first failure, which says what went wrong.
      cause.addSuppressed(e);
    }
  }
}
