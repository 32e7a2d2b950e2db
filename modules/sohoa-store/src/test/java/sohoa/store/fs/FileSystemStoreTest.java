package sohoa.store.fs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.ObjectStoreContract;
import sohoa.store.StoredObject;

class FileSystemStoreTest {
  @TempDir Path root;

  /** The contract every store keeps. */
  @Nested
  class Contract extends ObjectStoreContract {
    @Override
    protected ObjectStore emptyStore() throws StorageFailure {
      return new FileSystemStore(root);
    }
  }

  @Test
  void put_thenOpen_givesTheSameBytesAndTheirHash() throws Exception {
    FileSystemStore store = new FileSystemStore(root);
    byte[] bytes = "Quyết định số 125/QĐ-UBND".getBytes(StandardCharsets.UTF_8);
    ObjectKey key = new ObjectKey("documents/abc/manifest.json");

    StoredObject stored = store.put(key, bytes);

    assertEquals(ContentHash.of(bytes), stored.sha256());
    assertEquals(bytes.length, stored.size());
    assertTrue(store.exists(key));
    try (InputStream in = store.open(key)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
  }

  @Test
  void walk_meetsEveryKeyUnderThePrefixOnce_andNoTemporaryFile() throws Exception {
    FileSystemStore store = new FileSystemStore(root);
    store.put(new ObjectKey("documents/ab/pdfa.pdf"), new byte[] {1});
    store.put(new ObjectKey("documents/ab/text.txt"), new byte[] {2});
    store.put(new ObjectKey("originals/ff"), new byte[] {3});
    Files.writeString(root.resolve("documents/ab/.incoming-123"), "half written");

    java.util.List<ObjectKey> walked = new java.util.ArrayList<>();
    store.walk("documents/", walked::add);

    walked.sort(java.util.Comparator.comparing(ObjectKey::value));
    assertEquals(java.util.List.of(new ObjectKey("documents/ab/pdfa.pdf"),
        new ObjectKey("documents/ab/text.txt")), walked);
  }

  @Test
  void put_file_leavesNoTemporaryFileBehind() throws Exception {
    FileSystemStore store = new FileSystemStore(root.resolve("store"));
    Path file = Files.writeString(root.resolve("scan.bin"), "x".repeat(100_000));

    store.put(ObjectKey.original(ContentHash.of(file)), file);

    try (Stream<Path> all = Files.walk(root.resolve("store"))) {
      assertEquals(0, all.filter(p -> p.getFileName().toString().endsWith(".part")).count());
    }
  }

  @Test
  void put_sameKeyAgain_replacesTheWholeObject() throws Exception {
    FileSystemStore store = new FileSystemStore(root);
    ObjectKey key = new ObjectKey("documents/abc/text.txt");
    store.put(key, "cũ".getBytes(StandardCharsets.UTF_8));

    store.put(key, "mới".getBytes(StandardCharsets.UTF_8));

    try (InputStream in = store.open(key)) {
      assertEquals("mới", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void open_missingObject_saysWhichKey() throws Exception {
    FileSystemStore store = new FileSystemStore(root);
    ObjectKey key = new ObjectKey("documents/none/pdfa.pdf");

    StorageFailure e = assertThrows(StorageFailure.class, () -> store.open(key));

    assertTrue(e.getMessage().startsWith("the store has no object documents/none/pdfa.pdf"),
        e.getMessage());
    assertFalse(store.exists(key));
  }

  @Test
  void objectKey_refusesKeysThatCouldLeaveTheStore() {
    for (String bad : new String[] {"../etc/passwd", "a/../../b", "/abs", "a//b", "", "a/", ".hidden"}) {
      assertThrows(IllegalArgumentException.class, () -> new ObjectKey(bad), bad);
    }
  }
}
