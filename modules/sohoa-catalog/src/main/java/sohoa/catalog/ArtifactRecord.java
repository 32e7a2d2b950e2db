package sohoa.catalog;

import sohoa.core.document.ContentHash;

/**
 * One stored object made for a document.
 *
 * @param kind what it is: {@code original}, {@code pdfa}, {@code text}, {@code manifest}
 */
public record ArtifactRecord(String kind, String objectKey, ContentHash sha256, long size) {}
