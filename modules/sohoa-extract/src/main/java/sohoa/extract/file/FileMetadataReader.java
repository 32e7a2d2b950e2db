package sohoa.extract.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.tika.Tika;
import org.apache.tika.exception.TikaException;
import org.apache.tika.fork.ForkParser;
import org.apache.tika.fork.ParserFactoryFactory;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.Property;
import org.apache.tika.metadata.TIFF;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import sohoa.core.error.InputRejected;
import sohoa.core.error.InputTooLarge;
import sohoa.core.error.TooSlowInput;
import sohoa.core.error.UnreadableInput;

/**
 * Reads a file's own metadata with Apache Tika, in child Java processes that Tika's
 * {@link ForkParser} keeps ready: a file that makes the parser loop or swallow memory kills only
 * its child, which is stopped at the time limit or at its heap bound, and the batch goes on.
 * Tika's OCR never runs: its OCR module is not on the class path and the PDF parser is told not
 * to; sohoa reads the pages itself, once. The children load Tika from this process's class path
 * ({@link ChildClassPath}) and build their parser there ({@link ChildParsers}). Thread-safe.
 */
public final class FileMetadataReader implements AutoCloseable {
  /**
   * Tika's bookkeeping, and what metadata-extractor says of the temporary copy Tika parses: not
   * the file's.
   */
  private static final List<String> TIKA_OWN = List.of("X-TIKA:", "X-Parsed-By", "resourceName",
      "Content-Length", "File Name", "File Size", "File Modified Date");

  /** How {@link ForkParser} reports a child that died or was stopped, as against a parse error. */
  private static final String CHILD_LOST = "Failed to communicate with a forked parser process";

  private final ChildClassPath classPath;
  private final ForkParser parser;
  private final ParseLimits limits;

  /**
   * How the child processes are bounded.
   *
   * @param processes children kept ready, one per document worker
   * @param timeout the longest one file may take; the child is stopped after it
   * @param heapMegabytes each child's Java heap
   */
  public record ParseLimits(int processes, Duration timeout, int heapMegabytes) {
    /**
     * A child per four document workers: a file's metadata takes tens of milliseconds against
     * seconds of OCR, and each child costs a second of a core to start (measured: a second child
     * for two workers cost 5% of a 30-page run). Two minutes is a thousand-page PDF; 256 MB holds
     * what PDFBox keeps of a page for its metadata.
     */
    public static ParseLimits forWorkers(int workers) {
      return new ParseLimits((workers + 3) / 4, Duration.ofMinutes(2), 256);
    }

    public ParseLimits {
      if (processes < 1 || timeout.isNegative() || timeout.isZero() || heapMegabytes < 16) {
        throw new IllegalArgumentException("Tika limits need at least one process, a positive"
            + " time limit and 16 MB of heap: got " + processes + ", " + timeout + ", "
            + heapMegabytes + " MB");
      }
    }
  }

  public FileMetadataReader(ParseLimits limits) {
    this.limits = limits;
    this.classPath = ChildClassPath.ofThisProcess();
    this.parser = new ForkParser(classPath.folder(),
        new ParserFactoryFactory(ChildParsers.class.getName(), Map.of()));
    parser.setPoolSize(limits.processes());
    parser.setJavaCommand(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + limits.heapMegabytes() + "m",
        // A child parses a few files' headers: the quick compiler and the serial collector
        // start in a fraction of the time and take a core from OCR for less.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
    long timeout = limits.timeout().toMillis();
    parser.setServerParseTimeoutMillis(timeout);
    parser.setServerPulseMillis(Math.max(50, Math.min(1_000, timeout / 4)));
  }

  /** Which Tika reads the files, for the manifest's list of tools. */
  public static String description() {
    return Tika.getString();
  }

  /**
   * The metadata of {@code file}, whose content is {@code mediaType}.
   *
   * @return what Tika read; when Tika cannot parse the file (an encryption it cannot open, a
   *     structure it rejects), what is known with {@link FileMetadata#problem()} saying why
   * @throws InputTooLarge when parsing it needed more than the child's heap (a decompression
   *     bomb, a structure built to exhaust memory)
   * @throws TooSlowInput when the parse ran past the time limit (a structure built to loop)
   * @throws UnreadableInput when the file cannot be read at all
   */
  public FileMetadata read(Path file, String mediaType) throws InputRejected {
    Metadata metadata = new Metadata();
    metadata.set(Metadata.CONTENT_TYPE, mediaType);
    classPath.ensurePresent();
    long started = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      parser.parse(in, new DefaultHandler(), metadata, new ParseContext());
    } catch (IOException e) {
      throw new UnreadableInput("the file cannot be read for its metadata: " + e.getMessage(),
          "check that the file is still there and readable", e);
    } catch (TikaException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(CHILD_LOST)) {
        throw childDied(Duration.ofNanos(System.nanoTime() - started), e);
      }
      if (ParseFailures.outOfMemory(e)) {
        // The child caught its own OutOfMemoryError and said so; it is replaced all the same.
        throw tooLarge(e);
      }
      return unread(mediaType, ParseFailures.reason(e));
    } catch (SAXException e) {
      return unread(mediaType, ParseFailures.reason(e));
    }
    String failure = metadata.get(ChildParsers.FAILURE);
    if (failure == null) {
      return metadataOf(metadata, mediaType);
    }
    if ("io".equals(metadata.get(ChildParsers.FAILURE_KIND))) {
      throw new UnreadableInput("the file cannot be read for its metadata: " + failure,
          "check that the file is still there and readable");
    }
    return unread(mediaType, failure);
  }

  /** What is known of a file Tika could not parse, in this process or in its child. */
  private static FileMetadata unread(String mediaType, String reason) {
    return FileMetadata.unread(mediaType, "Tika could not read its metadata: " + reason);
  }

  /** Tika's child stopped answering: stopped at the time limit, or out of its heap. */
  private InputRejected childDied(Duration took, TikaException e) {
    if (took.compareTo(limits.timeout()) >= 0) {
      long millis = limits.timeout().toMillis();
      return new TooSlowInput("reading the file took longer than the limit of "
          + (millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms") + " and was stopped:"
          + " the file is damaged or built to make readers loop", "open it in a PDF or image"
          + " viewer; if it opens, save or scan it again and digitise the new file");
    }
    return tooLarge(e);
  }

  private InputTooLarge tooLarge(TikaException e) {
    return new InputTooLarge("reading the file needed more than the limit of "
        + limits.heapMegabytes() + " MB of memory and was stopped: the file is damaged or built"
        + " to exhaust memory (a decompression bomb)", "open it in a PDF or image viewer; if it"
        + " opens, save or scan it again and digitise the new file", e);
  }

  private static FileMetadata metadataOf(Metadata metadata, String mediaType) {
    SortedMap<String, String> properties = new TreeMap<>();
    for (String name : metadata.names()) {
      if (TIKA_OWN.stream().noneMatch(name::startsWith) && !name.equals(Metadata.CONTENT_TYPE)) {
        properties.put(name, String.join("; ", metadata.getValues(name)));
      }
    }
    Optional<String> creatorTool = text(metadata, TikaCoreProperties.CREATOR_TOOL)
        .or(() -> text(metadata, TIFF.SOFTWARE));
    Integer pages = metadata.getInt(PagedText.N_PAGES);
    return new FileMetadata(
        mediaType,
        text(metadata, TikaCoreProperties.TITLE), text(metadata, TikaCoreProperties.CREATOR),
        creatorTool, text(metadata, PDF.PRODUCER), date(metadata, TikaCoreProperties.CREATED),
        date(metadata, TikaCoreProperties.MODIFIED),
        pages == null ? OptionalInt.empty() : OptionalInt.of(pages),
        "true".equals(metadata.get(PDF.HAS_XMP)), properties, Optional.empty());
  }

  private static Optional<String> text(Metadata metadata, Property property) {
    return Optional.ofNullable(metadata.get(property)).map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  private static Optional<Instant> date(Metadata metadata, Property property) {
    return Optional.ofNullable(metadata.getDate(property)).map(Date::toInstant);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } finally {
      classPath.close();
    }
  }
}
