package sohoa.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

class PasswordsTest {
  private final Passwords passwords = new Passwords();

  @Test
  void hash_isBcryptAtCostTwelve_saltedAnew_andMatchesOnlyItsPassword() {
    String hash = passwords.hash("mat-khau-dai-du-16".toCharArray());

    assertTrue(hash.startsWith("$2b$12$"), hash);
    assertNotEquals(hash, passwords.hash("mat-khau-dai-du-16".toCharArray()), "a fresh salt");
    assertTrue(passwords.matches("mat-khau-dai-du-16".toCharArray(), hash));
    assertFalse(passwords.matches("mat-khau-dai-du-17".toCharArray(), hash));
  }

  @Test
  void matches_aHashMadeAtAnotherCost_asEveryBcryptLibraryWrites() {
    String older = OpenBSDBCrypt.generate("2b", "mat-khau-cu-nam-2020".toCharArray(),
        new byte[16], 10);

    assertTrue(passwords.matches("mat-khau-cu-nam-2020".toCharArray(), older));
  }

  @Test
  void aLowerCost_hashesAtIt_andIsCheckedAlike_outsideBcryptsRangeIsRefused() {
    String cheap = new Passwords(4).hash("mat-khau-dai-du-16".toCharArray());

    assertTrue(cheap.startsWith("$2b$04$"), cheap);
    assertTrue(passwords.matches("mat-khau-dai-du-16".toCharArray(), cheap));
    assertThrows(IllegalArgumentException.class, () -> new Passwords(3));
    assertThrows(IllegalArgumentException.class, () -> new Passwords(32));
  }

  @Test
  void matches_noAccount_isFalse_afterAsLongACheckAsForAnAccount() {
    assertFalse(passwords.matches("mat-khau-dai-du-16".toCharArray(), null));
    assertEquals(OpenBSDBCrypt.generate("2b", "not-a-password".toCharArray(), new byte[16], 12),
        Passwords.UNKNOWN_USER, "the stand-in hash is bcrypt at the accounts' cost");
  }

  @Test
  void hash_refusesTooShortAndOverBcryptsBytes() {
    assertThrows(IllegalArgumentException.class, () -> passwords.hash("ngan".toCharArray()));
    assertThrows(IllegalArgumentException.class,
        () -> passwords.hash("ệ".repeat(25).toCharArray()), "75 bytes in UTF-8");
  }
}
