package sohoa.core.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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

  @Test
  void everyText_takesTheSameArguments_inBothLanguages() {
    Messages vietnamese = Messages.forOfficers();
    Messages english = Messages.of(Locale.ENGLISH);

    for (String key : english.keys()) {
      String en = english.text(key);
      String vi = vietnamese.text(key);
      assertEquals(arguments(en), arguments(vi), key);
      // MessageFormat would eat a lone apostrophe in a text that takes {0}; none is written
      // (the Formatter's %-patterns keep theirs).
      if (!en.contains("%")) {
        assertFalse(en.contains("'") || vi.contains("'"), key + " holds an apostrophe");
      }
    }
  }

  @Test
  void text_putsWholeNumbersInAsWritten() {
    assertEquals("Sổ chứng thực năm 2026",
        Messages.forOfficers().text("console.register.title", 2026));
    assertEquals("Too many wrong tries. Wait 12 seconds, then try again.",
        Messages.of(Locale.ENGLISH).text("console.login.throttled", 12L));
  }

  /** The {0}-style and %-style places of {@code text}, as a sorted list. */
  private static List<String> arguments(String text) {
    List<String> places = new ArrayList<>();
    Matcher m = Pattern.compile("\\{\\d+}|%[-0-9.]*[a-z]").matcher(text);
    while (m.find()) {
      places.add(m.group());
    }
    Collections.sort(places);
    return places;
  }

  /** Every code an error of sohoa's reports, read from the error types' sources. */
  private static Set<String> codes() throws IOException {
    Set<String> codes = new TreeSet<>(Set.of("internal-error"));
    // The codes are the error types' only quoted words joined by hyphens ("storage-failure").
    Pattern code = Pattern.compile("\"([a-z]+(?:-[a-z]+)+)\"");
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/sohoa/core/error"))) {
      for (Path source : sources.toList()) {
        Matcher m = code.matcher(Files.readString(source));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    assertEquals(16, codes.size(), "the error codes found: " + codes);
    return codes;
  }
}
