package sohoa.extract.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.error.TooSlowInput;
import sohoa.extract.file.FileMetadataReader.ParseLimits;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.ScanFiles;

class FileMetadataReaderTest {
  private static FileMetadataReader reader;
  @TempDir Path dir;

  @BeforeAll
  static void startChild() {
    reader = new FileMetadataReader(ParseLimits.forWorkers(1));
  }

  @AfterAll
  static void stopChild() {
    reader.close();
  }

  @Test
  void read_pdf_givesProducerAuthorDatesPagesAndXmp() throws Exception {
    Path pdf = dir.resolve("quyet-dinh.pdf");
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      document.addPage(new PDPage());
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Quyết định về việc công nhận làng văn hóa");
      info.setAuthor("Văn phòng UBND tỉnh");
      info.setCreator("Máy quét phòng văn thư");
      info.setProducer("Trình xuất PDF 2.1");
      info.setCreationDate(utc(2023, Calendar.OCTOBER, 8, 9, 30));
      info.setModificationDate(utc(2023, Calendar.OCTOBER, 9, 14, 0));
      PDMetadata xmp = new PDMetadata(document);
      xmp.importXMPMetadata(XMP_PACKET.getBytes(StandardCharsets.UTF_8));
      document.getDocumentCatalog().setMetadata(xmp);
      document.save(pdf.toFile());
    }

    FileMetadata read = reader.read(pdf, "application/pdf");

    assertEquals(Optional.of("Trình xuất PDF 2.1"), read.producer());
    assertEquals(Optional.of("Văn phòng UBND tỉnh"), read.author());
    assertEquals(Optional.of("Quyết định về việc công nhận làng văn hóa"), read.title());
    assertEquals(Optional.of(Instant.parse("2023-10-08T09:30:00Z")), read.created());
    assertEquals(Optional.of(Instant.parse("2023-10-09T14:00:00Z")), read.modified());
    assertEquals(OptionalInt.of(2), read.pageCount());
    assertTrue(read.xmp());
    assertEquals(Optional.of("uuid:5d1c0f3e-0b7a-4c1e-9d6a-2f1b8e7c4a10"),
        read.property("xmpMM:DocumentID"));
    assertEquals(Optional.empty(), read.problem());
  }

  @Test
  void read_scan_givesItsResolutionAmongTheProperties() throws Exception {
    Path jpeg = dir.resolve("giay-khai-sinh.jpg");
    ScanFiles.jpeg(new BufferedImage(400, 560, BufferedImage.TYPE_BYTE_GRAY), 200, 0.8f, jpeg);

    FileMetadata read = reader.read(jpeg, "image/jpeg");

    assertEquals(Optional.of("400"), read.property("tiff:ImageWidth"));
    assertEquals(Optional.of("200 dots"), read.property("X Resolution"));
    // Tika parses a temporary copy: that copy's name and dates are not the scan's.
    assertEquals(Optional.empty(), read.property("File Name"));
    assertFalse(read.xmp());
    assertEquals(Optional.empty(), read.problem());
  }

  @Test
  void read_encryptedPdf_saysWhyInsteadOfFailing() throws Exception {
    Path pdf = BadFiles.encryptedPdf(dir.resolve("mat.pdf"));

    FileMetadata read = reader.read(pdf, "application/pdf");

    assertTrue(read.problem().orElseThrow().startsWith("Tika could not read its metadata"),
        read.problem().orElseThrow());
    assertEquals(Optional.empty(), read.producer());
  }

  @Test
  void read_stopsAParseThatRunsPastTheTimeLimit() throws Exception {
    Path pdf = dir.resolve("so-dang-ky.pdf");
    List<BufferedImage> pages = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      pages.add(new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY));
    }
    ScanFiles.scannedPdf(pages, 100, pdf);

    try (FileMetadataReader impatient =
        new FileMetadataReader(new ParseLimits(1, Duration.ofMillis(1), 64))) {
      TooSlowInput e = assertThrows(TooSlowInput.class,
          () -> impatient.read(pdf, "application/pdf"));

      assertTrue(e.getMessage().startsWith("reading the file took longer than the limit of 1 ms"),
          e.getMessage());
    }
    // A stopped child does not stop the next file.
    assertEquals(OptionalInt.of(200), reader.read(pdf, "application/pdf").pageCount());
  }

  private static Calendar utc(int year, int month, int day, int hour, int minute) {
    Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
    calendar.clear();
    calendar.set(year, month, day, hour, minute);
    return calendar;
  }

  private static final String XMP_PACKET = """
      <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
      <x:xmpmeta xmlns:x="adobe:ns:meta/">
       <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description rdf:about=""
            xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
         <xmpMM:DocumentID>uuid:5d1c0f3e-0b7a-4c1e-9d6a-2f1b8e7c4a10</xmpMM:DocumentID>
        </rdf:Description>
       </rdf:RDF>
      </x:xmpmeta>
      <?xpacket end="w"?>""";
}
