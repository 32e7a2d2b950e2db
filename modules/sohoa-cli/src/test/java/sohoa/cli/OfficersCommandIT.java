package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.Catalog;
import sohoa.catalog.OfficerAccount;
import sohoa.console.Passwords;

/**
 * {@code sohoa officers}: console accounts added, listed, unlocked and disabled from the command
 * line, with the password taken from the environment, never from the arguments.
 */
class OfficersCommandIT {
  private static final String PASSWORD = "mat-khau-Lan-2026";

  @TempDir Path dir;

  @Test
  void officers_addListUnlockAndDisable_withThePasswordFromTheEnvironment() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Map<String, String> env = Map.of("SOHOA_NEW_PASSWORD", PASSWORD);

    SohoaProcess.Result added = SohoaProcess.run(dir, env, "officers", "add", "lan", "--name",
        "Nguyễn Thị Lan", "--title", "Công chức Tư pháp - Hộ tịch", "--role", "officer",
        "--password-env", "SOHOA_NEW_PASSWORD", "--data", data.toString());

    assertEquals(0, added.exitCode(), added.err());
    assertFalse(added.out().contains(PASSWORD) || added.err().contains(PASSWORD));
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      String hash = catalog.officers().passwordHash("lan").orElseThrow();
      assertTrue(new Passwords().matches(PASSWORD.toCharArray(), hash), "stored as its hash");
      for (int i = 0; i < 5; i++) {
        catalog.officers().failed("lan", OfficerAccount.Proof.PIN, 5, Duration.ofMinutes(15),
            Instant.now());
      }
    }
    assertTrue(list(data).contains("SIGNING LOCKED until"), list(data));

    SohoaProcess.Result unlocked = SohoaProcess.run(dir, "officers", "unlock", "lan", "--data",
        data.toString());

    assertEquals(0, unlocked.exitCode(), unlocked.err());
    assertFalse(list(data).contains("LOCKED"), list(data));
    assertEquals(0, SohoaProcess.run(dir, "officers", "disable", "lan", "--data",
        data.toString()).exitCode());
    assertTrue(list(data).contains("DISABLED"), list(data));
    SohoaProcess.Result disabled = SohoaProcess.run(dir, "officers", "unlock", "lan", "--data",
        data.toString());
    assertEquals(2, disabled.exitCode(), "a disabled account is not unlocked");
    assertTrue(disabled.err().contains("there is no live officer account lan"), disabled.err());
  }

  @Test
  void officersAdd_refusesAPasswordOnTheCommandLine() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));

    SohoaProcess.Result refused = SohoaProcess.run(dir, "officers", "add", "binh", "--name",
        "Trần Văn Bình", "--title", "Văn thư", "--password", PASSWORD, "--data",
        data.toString());

    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("unknown option --password"), refused.err());
    assertFalse(refused.err().contains(PASSWORD), "the refusal does not repeat it");
  }

  private String list(Path data) throws Exception {
    SohoaProcess.Result listed = SohoaProcess.run(dir, "officers", "list", "--data",
        data.toString());
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(listed.out().contains("Nguyễn Thị Lan"), listed.out());
    return listed.out();
  }
}
