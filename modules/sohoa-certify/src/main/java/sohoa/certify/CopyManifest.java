package sohoa.certify;

import java.util.List;

/**
 * {@code copies/<copy-id>/manifest.json}: everything about a certified copy, so that the register
 * entry can be rebuilt from the store and a process that died after storing the copy can still be
 * credited with it.
 */
record CopyManifest(String schema, String copyId, String originalId, Original original,
    Register register, String officer, String officerTitle, String agency, String issuedAt,
    int pages, String placement, String level, List<String> signers, String verificationUrl,
    Artifact certified) {
  static final String SCHEMA = "sohoa.copy/1";

  /** The original's PDF/A: the copy's first {@code length} bytes. */
  record Original(String sha256, long length) {}

  record Register(String office, String book, int year, int number, String label) {}

  record Artifact(String key, String sha256, long size) {}
}
