package sohoa.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoginPagesTest {
  @Test
  void secureCookies_keptOverHttpsOrOnThisMachine_notOverPlainHttpFromAnother() {
    assertTrue(LoginPages.keepsSecureCookies("https", null, "motcua.tinh.gov.vn"));
    assertTrue(LoginPages.keepsSecureCookies("http", "https", "motcua.tinh.gov.vn"),
        "behind a proxy that ends TLS");
    assertTrue(LoginPages.keepsSecureCookies("http", null, "127.0.0.1:8080"));
    assertTrue(LoginPages.keepsSecureCookies("http", null, "localhost:8080"));
    assertTrue(LoginPages.keepsSecureCookies("http", null, "[::1]:8080"));

    assertFalse(LoginPages.keepsSecureCookies("http", null, "10.0.3.7:8080"));
    assertFalse(LoginPages.keepsSecureCookies("http", "http", "motcua.tinh.gov.vn"));
  }
}
