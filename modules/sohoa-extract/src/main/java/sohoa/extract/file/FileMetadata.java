package sohoa.extract.file;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a file says about itself, as Apache Tika reads it: the usual questions answered
 * (who made it with what, when, how many pages) and every property Tika found, by Tika's names
 * ({@code pdf:producer}, {@code xmp:CreatorTool}, {@code tiff:Make}, {@code exif:DateTimeOriginal},
 * …), so that nothing the file carried is lost.
 *
 * @param mediaType the type Tika parsed it as, e.g. {@code application/pdf}
 * @param creatorTool the application that made the content ({@code xmp:CreatorTool}, a scanner's
 *     {@code tiff:Software})
 * @param producer the software that wrote the PDF ({@code pdf:producer})
 * @param xmp the PDF embeds an XMP packet (an image's XMP, if any, is among the properties)
 * @param problem why Tika could not read it all, when it could not: the file is still digitised
 */
public record FileMetadata(String mediaType, Optional<String> title, Optional<String> author,
    Optional<String> creatorTool, Optional<String> producer, Optional<Instant> created,
    Optional<Instant> modified, OptionalInt pageCount, boolean xmp,
    SortedMap<String, String> properties, Optional<String> problem) {

  public FileMetadata {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(creatorTool, "creatorTool");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(pageCount, "pageCount");
    Objects.requireNonNull(problem, "problem");
    properties = new TreeMap<>(properties);
  }

  /** Nothing known but the type, and why. */
  public static FileMetadata unread(String mediaType, String problem) {
    return new FileMetadata(mediaType, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), false,
        new TreeMap<>(), Optional.of(problem));
  }

  @Override
  public SortedMap<String, String> properties() {
    return new TreeMap<>(properties);
  }

  /** A property by Tika's name, if the file had it. */
  public Optional<String> property(String name) {
    return Optional.ofNullable(properties.get(name));
  }
}
