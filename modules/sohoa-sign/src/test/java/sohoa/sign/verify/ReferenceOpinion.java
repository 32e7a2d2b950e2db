package sohoa.sign.verify;

import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import sohoa.sign.ReferenceValidator;

/**
 * What the EU's reference validator (DSS) says of a signed PDF's changes after signing: its
 * errors and warnings about modifications (object changes, visual differences, overlapping
 * annotations, DocMDP and FieldMDP), for every signature.
 */
final class ReferenceOpinion {
  private static final List<String> ABOUT_CHANGES = List.of("modif", "visual difference",
      "overlap", "/DocMDP", "/FieldMDP", "/SigFieldLock", "number of signed pages",
      "form fill-in", "undefined object");

  private ReferenceOpinion() {}

  static List<String> changesFlagged(Path file, X509Certificate root) {
    SimpleReport report = ReferenceValidator.validate(file, root);
    List<String> flagged = new ArrayList<>();
    for (String id : report.getSignatureIdList()) {
      List<Message> messages = new ArrayList<>(report.getAdESValidationErrors(id));
      messages.addAll(report.getAdESValidationWarnings(id));
      for (Message message : messages) {
        String text = message.getValue();
        if (ABOUT_CHANGES.stream().anyMatch(word -> text.toLowerCase().contains(
            word.toLowerCase()))) {
          flagged.add(text);
        }
      }
    }
    return flagged;
  }
}
