package sohoa.core.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  @Test
  void of_bytes_isTheSha256InLowerCaseHex() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII)).hex());
  }

  @Test
  void of_stream_agreesWithBytes() throws Exception {
    byte[] bytes = new byte[300_000];
    bytes[12345] = 7;

    assertEquals(ContentHash.of(bytes), ContentHash.of(new ByteArrayInputStream(bytes)));
  }

  @Test
  void constructor_refusesAnythingButSixtyFourHexDigits() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ContentHash("ABC"));
    assertEquals("not a SHA-256 in lower-case hex: 'ABC'", e.getMessage());
  }

  @Test
  void documentId_isTheFirst128BitsOfTheOriginalsHash() {
    ContentHash hash = ContentHash.of("abc".getBytes(StandardCharsets.US_ASCII));

    assertEquals("ba7816bf8f01cfea414140de5dae2223", DocumentId.of(hash).value());
  }
}
