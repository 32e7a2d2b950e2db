package sohoa.certify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;

/**
 * The two signatures on every copy: the officer's personal one first (ký số cá nhân), then the
 * agency's (ký số cơ quan), both at {@code level}.
 */
public record CopySigning(PadesSigner officer, PadesSigner agency, SignatureLevel level) {
  public CopySigning {
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(level, "level");
  }

  /**
   * Signs {@code copy} as the officer into {@code officerSigned}, then that as the agency into
   * {@code signed}: each signature an incremental update, so neither undoes the other.
   */
  void sign(Path copy, Path officerSigned, Path signed, String agencyName)
      throws SohoaException {
    signOne(officer, copy, officerSigned, SignatureRequest.at(level)
        .withReason("Chứng thực bản sao từ bản chính").withLocation(agencyName));
    signOne(agency, officerSigned, signed, SignatureRequest.at(level)
        .withReason("Xác nhận của " + agencyName).withLocation(agencyName));
  }

  private static void signOne(PadesSigner signer, Path in, Path out,
      SignatureRequest request) throws SohoaException {
    try (InputStream from = Files.newInputStream(in);
        OutputStream to = Files.newOutputStream(out)) {
      signer.sign(from, to, request);
    } catch (IOException e) {
      throw new StorageFailure("the copy cannot be written to the work folder: "
          + e.getMessage(), "check free space in the data folder", e);
    }
  }
}
