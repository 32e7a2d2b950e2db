package sohoa.extract.file;

import sohoa.extract.file.FileMetadataReader.ParseLimits;

/**
 * One pool of Tika's children for every test in a JVM that digitises, as one sohoa process keeps
 * one for all its digitisers: each child costs a second of a core to start, and a module's tests
 * make dozens of digitisers. Two children, with the product's time and heap limits, for the
 * classes a module runs side by side; a child that a hostile file kills is replaced, as in
 * sohoa. Stopped when the JVM exits.
 */
public final class TestMetadataReader {
  private TestMetadataReader() {}

  /** The JVM's pool, started with its first file. */
  public static FileMetadataReader shared() {
    return Pool.SHARED;
  }

  /** Made on first use: a test JVM that never digitises starts no child. */
  private static final class Pool {
    /** The product's limits as sohoa sizes them for eight document workers: two children. */
    static final FileMetadataReader SHARED = new FileMetadataReader(ParseLimits.forWorkers(8));

    static {
      Runtime.getRuntime().addShutdownHook(new Thread(SHARED::close, "tika-children-stop"));
    }
  }
}
