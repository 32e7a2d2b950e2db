package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogAddressTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:postgresql://db.tinh.gov.vn/sohoa?user=sohoa&password=Bi-mat",
      "jdbc:postgresql://db.tinh.gov.vn/sohoa?password=Bi-mat&user=sohoa",
      "jdbc:postgresql://db.tinh.gov.vn/sohoa?user=sohoa&PASSWORD=Bi-mat",
      "jdbc:postgresql://sohoa:Bi-mat@db.tinh.gov.vn/sohoa",
      "jdbc:h2:file:/srv/sohoa/catalog;PASSWORD=Bi-mat"})
  void new_urlHoldingAPassword_isRefusedWithoutQuotingIt(String url) {
    assertTrue(CatalogAddress.holdsPassword(url), url);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CatalogAddress(url, Optional.empty()));
    assertFalse(e.getMessage().contains("Bi-mat"), e.getMessage());
    assertTrue(e.getMessage().contains("SOHOA_CATALOG_PASSWORD"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:postgresql://db.tinh.gov.vn:5432/sohoa?user=sohoa",
      "jdbc:postgresql://db.tinh.gov.vn/sohoa?user=sohoa&ssl=true&sslmode=verify-full",
      "jdbc:h2:file:/srv/sohoa/catalog;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"})
  void holdsPassword_urlWithoutOne_isFalse(String url) {
    assertFalse(CatalogAddress.holdsPassword(url), url);
  }

  @Test
  void toString_neverShowsParameters() {
    assertFalse(new CatalogAddress("jdbc:postgresql://db/sohoa?user=sohoa&ssl=true",
        Optional.of("Bi-mat")).toString().contains("?"));
  }
}
