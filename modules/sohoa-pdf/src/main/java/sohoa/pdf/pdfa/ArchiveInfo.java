package sohoa.pdf.pdfa;

import java.time.Instant;
import sohoa.core.document.ContentHash;

/**
 * What the archival copy says about itself in its XMP and document information.
 *
 * @param title a human title, usually the source file's name until metadata extraction finds one
 * @param sourceName the file name the original arrived under
 * @param sourceHash the SHA-256 of the original, recorded as {@code dc:source}
 * @param created when the archival copy was made
 * @param creatorTool the producing tool and version, e.g. {@code sohoa 0.1.0}
 */
public record ArchiveInfo(String title, String sourceName, ContentHash sourceHash, Instant created,
    String creatorTool) {}
