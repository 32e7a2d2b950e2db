package sohoa.testkit.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verapdf.core.EncryptedPdfException;
import org.verapdf.core.ModelParsingException;
import org.verapdf.core.ValidationException;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, run in-process. */
public final class PdfaValidation {
  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfaValidation() {}

  /** The verdict on a file, against the PDF/A part and level it declares in its XMP. */
  public record Verdict(String flavour, boolean compliant, List<String> failures) {}

  public static Verdict validate(Path pdf) throws IOException {
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in)) {
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(parser.getFlavour(), false);
      ValidationResult result = validator.validate(parser);
      List<String> failures = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": "
              + a.getMessage())
          .distinct().toList();
      return new Verdict(parser.getFlavour().getId(), result.isCompliant(), failures);
    } catch (ModelParsingException | EncryptedPdfException | ValidationException e) {
      throw new IOException("veraPDF cannot validate " + pdf + ": " + e.getMessage(), e);
    } catch (Exception e) {
      throw new IOException("veraPDF failed on " + pdf + ": " + e, e);
    }
  }
}
