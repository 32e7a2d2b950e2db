package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;

class EmbeddedPasswordTest {
  @TempDir Path dir;

  @Test
  void embedded_newCatalog_getsAGeneratedPasswordKeptPrivate() throws Exception {
    try (Catalog catalog = Catalog.embedded(dir)) {
      assertTrue(catalog.documents().pageCountOf(ContentHash.of(new ByteArrayInputStream(new byte[] {1})))
          .isEmpty());
    }

    Path file = dir.resolve("password");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(32, Files.readString(file).strip().length(), "24 random bytes, base64url");
    SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
        CatalogAddress.embedded(dir).jdbcUrl(), "sa", "").close());
    assertTrue(EmbeddedPassword.refused(refused), refused.getMessage());
  }

  @Test
  void embedded_catalogMadeWithoutAPassword_isGivenOneWhenOpened() throws Exception {
    String url = CatalogAddress.embedded(dir).jdbcUrl();
    // As sohoa made catalogs before they had a password: sa, and an empty one.
    try (Catalog older = Catalog.open(url, Optional.of(""))) {
      assertTrue(older.documents().pageCountOf(ContentHash.of(new ByteArrayInputStream(new byte[] {1})))
          .isEmpty());
    }

    try (Catalog catalog = Catalog.embedded(dir)) {
      assertTrue(catalog.documents().pageCountOf(ContentHash.of(new ByteArrayInputStream(new byte[] {1})))
          .isEmpty());
    }

    assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
    try (Connection now = DriverManager.getConnection(url, "sa",
        CatalogAddress.embeddedPassword(dir));
        Statement statement = now.createStatement()) {
      assertTrue(statement.execute("SELECT COUNT(*) FROM documents"), "the catalog is kept");
    }
  }
}
