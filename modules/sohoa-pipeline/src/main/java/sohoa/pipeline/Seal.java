package sohoa.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.sign.pades.SignatureRequest;

/**
 * Seals the finished PDF/A with the agency's signature ({@code digitize --sign}): PAdES as an
 * incremental update, so it stays PDF/A. Without a sealing identity the PDF/A passes unchanged.
 */
final class Seal implements Stage<DocumentContext, Path, Path> {
  private final Optional<Sealing> sealing;

  Seal(Optional<Sealing> sealing) {
    this.sealing = sealing;
  }

  @Override
  public Path run(DocumentContext document, Path pdfa) throws SohoaException {
    if (sealing.isEmpty()) {
      return pdfa;
    }
    Path sealed = document.file("sealed.pdf");
    try (InputStream in = Files.newInputStream(pdfa);
        OutputStream out = Files.newOutputStream(sealed)) {
      sealing.get().signer().sign(in, out, SignatureRequest.at(sealing.get().level())
          .withReason("Số hóa: bản lưu trữ của " + document.name()));
      return sealed;
    } catch (IOException e) {
      throw new StorageFailure("cannot seal the PDF/A of " + document.name() + " in "
          + document.work() + ": " + e.getMessage(), "check free space in the data folder", e);
    }
  }
}
