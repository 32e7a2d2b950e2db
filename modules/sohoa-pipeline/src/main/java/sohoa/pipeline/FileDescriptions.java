package sohoa.pipeline;

import java.time.Instant;
import java.util.Optional;
import sohoa.catalog.FileRecord;
import sohoa.extract.file.FileMetadata;

/** What an input said about itself, as the manifest and the catalog each record it. */
final class FileDescriptions {
  private FileDescriptions() {}

  static Manifest.FileEntry manifest(FileMetadata file) {
    return new Manifest.FileEntry(file.mediaType(), file.title().orElse(null),
        file.author().orElse(null), file.creatorTool().orElse(null), file.producer().orElse(null),
        text(file.created()), text(file.modified()),
        file.pageCount().isPresent() ? file.pageCount().getAsInt() : null, file.xmp(),
        file.properties(), file.problem().orElse(null));
  }

  static FileRecord catalog(FileMetadata file) {
    return new FileRecord(file.title(), file.author(), file.creatorTool(), file.producer(),
        file.created(), file.modified(), file.pageCount(), file.xmp(), file.problem());
  }

  private static String text(Optional<Instant> instant) {
    return instant.map(Instant::toString).orElse(null);
  }
}
