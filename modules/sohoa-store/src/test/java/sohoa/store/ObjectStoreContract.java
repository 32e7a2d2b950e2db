package sohoa.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * What every {@link ObjectStore} does, whatever keeps the bytes: each backend's test extends this
 * with a fresh, empty store, so that the pipeline, the server and the archive can count on the
 * same behaviour from the embedded folder and from an S3 bucket.
 */
public abstract class ObjectStoreContract {
  private static final byte[] NOTICE = "Thông báo số 12/TB-UBND về việc tiếp nhận hồ sơ"
      .getBytes(StandardCharsets.UTF_8);

  @TempDir Path files;

  /** A store holding nothing yet, for one test. */
  protected abstract ObjectStore emptyStore() throws Exception;

  @Test
  void put_thenOpenAndStat_giveTheSameBytesTheirSizeAndHash() throws Exception {
    ObjectStore store = emptyStore();
    ObjectKey key = new ObjectKey("documents/a1/manifest.json");

    StoredObject stored = store.put(key, NOTICE);

    assertEquals(new StoredObject(key, ContentHash.of(NOTICE), NOTICE.length), stored);
    assertEquals(Optional.of(stored), store.stat(key));
    assertTrue(store.exists(key));
    try (InputStream in = store.open(key)) {
      assertArrayEquals(NOTICE, in.readAllBytes());
    }
  }

  @Test
  void putAFile_storesItsBytes_andLeavesTheFileAsItWas() throws Exception {
    ObjectStore store = emptyStore();
    Path scan = Files.write(files.resolve("ban-quet.tif"), NOTICE);
    ObjectKey key = new ObjectKey("originals/ab/ban-quet.tif");

    StoredObject stored = store.put(key, scan);

    assertEquals(ContentHash.of(NOTICE), stored.sha256());
    assertArrayEquals(NOTICE, Files.readAllBytes(scan));
    try (InputStream in = store.open(key)) {
      assertArrayEquals(NOTICE, in.readAllBytes());
    }
  }

  @Test
  void putTheSameKeyAgain_replacesTheWholeObject() throws Exception {
    ObjectStore store = emptyStore();
    ObjectKey key = new ObjectKey("documents/a1/text.txt");
    store.put(key, "một bản dài hơn bản sau".getBytes(StandardCharsets.UTF_8));

    byte[] shorter = "bản sau".getBytes(StandardCharsets.UTF_8);
    store.put(key, shorter);

    try (InputStream in = store.open(key)) {
      assertArrayEquals(shorter, in.readAllBytes());
    }
    assertEquals(shorter.length, store.stat(key).orElseThrow().size());
  }

  @Test
  void aMissingObject_isAbsent_andOpeningItNamesTheKey() throws Exception {
    ObjectStore store = emptyStore();
    ObjectKey key = new ObjectKey("documents/khong-co/manifest.json");

    assertFalse(store.exists(key));
    assertEquals(Optional.empty(), store.stat(key));
    StorageFailure failure = assertThrows(StorageFailure.class, () -> store.open(key).close());
    assertTrue(failure.getMessage().contains(key.value()), failure.getMessage());
  }

  @Test
  void walkAndList_meetEveryKeyUnderThePrefixOnce_andNoneOutsideIt() throws Exception {
    ObjectStore store = emptyStore();
    List<ObjectKey> inside = List.of(new ObjectKey("documents/a1/manifest.json"),
        new ObjectKey("documents/a1/pdfa.pdf"), new ObjectKey("documents/b2/manifest.json"));
    for (ObjectKey key : inside) {
      store.put(key, NOTICE);
    }
    store.put(new ObjectKey("copies/c3/ban-sao.pdf"), NOTICE);

    List<ObjectKey> walked = new ArrayList<>();
    store.walk("documents/", walked::add);

    assertEquals(inside.size(), walked.size(), "each once: " + walked);
    assertTrue(walked.containsAll(inside), walked.toString());
    assertEquals(inside, store.list("documents/"), "in key order");
    assertEquals(List.of(), store.list("khong-co/"));
  }

  @Test
  void delete_removesTheObject_andAMissingOneIsNoError() throws Exception {
    ObjectStore store = emptyStore();
    ObjectKey key = new ObjectKey("documents/a1/alto.xml");
    store.put(key, NOTICE);

    store.delete(key);
    store.delete(key);

    assertFalse(store.exists(key));
    assertEquals(List.of(), store.list("documents/"));
  }
}
