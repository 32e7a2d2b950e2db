package sohoa.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue: Vietnamese for officers, English on request, the same keys in both. */
class MessagesTest {
  @Test
  void everyErrorCode_hasItsReasonAndRemedy_inBothLanguages() throws IOException {
    Messages vietnamese = Messages.forOfficers();
    Messages english = Messages.of(Locale.ENGLISH);

    for (String code : codes()) {
      assertNotEquals(vietnamese.text("error.other.reason"), vietnamese.reason(code), code);
      assertNotEquals(english.remedy(code), vietnamese.remedy(code), code + " is translated");
    }
    assertEquals(new TreeSet<>(english.keys()), new TreeSet<>(vietnamese.keys()));
  }

  @Test
  void aMachineSetToAnotherLanguage_stillGivesOfficersVietnamese() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.FRANCE);
      assertEquals("Tệp rỗng, không có nội dung.", Messages.forOfficers()
          .reason("empty-input"));
      assertEquals("The file is empty.", Messages.of(Locale.JAPANESE).reason("empty-input"),
          "a language it does not have: English");
    } finally {
      Locale.setDefault(before);
    }
  }

  /** Every code an error of sohoa's reports, read from the error types' sources. */
  private static Set<String> codes() throws IOException {
    Set<String> codes = new TreeSet<>(Set.of("internal-error"));
    Pattern code = Pattern.compile("return \"([a-z-]+)\";");
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/sohoa/core/error"))) {
      for (Path source : sources.toList()) {
        Matcher m = code.matcher(Files.readString(source));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    assertEquals(15, codes.size(), "the error codes found: " + codes);
    return codes;
  }
}
