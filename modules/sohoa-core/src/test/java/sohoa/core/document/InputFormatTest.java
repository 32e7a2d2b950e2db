package sohoa.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {
  @ParameterizedTest
  @CsvSource({"image/tiff,TIFF", "image/png,PNG", "image/jpeg,JPEG", "application/pdf,PDF"})
  void ofMediaType_knownTypes(String mediaType, InputFormat format) {
    assertEquals(Optional.of(format), InputFormat.ofMediaType(mediaType));
  }

  @Test
  void ofMediaType_otherTypes_areNotInputs() {
    assertEquals(Optional.empty(), InputFormat.ofMediaType("text/plain"));
    assertEquals(Optional.empty(), InputFormat.ofMediaType("application/zip"));
  }
}
