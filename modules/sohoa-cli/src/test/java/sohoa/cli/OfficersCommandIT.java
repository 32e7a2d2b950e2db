package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    SohoaProcess.Result added = SohoaCli.run(env, "officers", "add", "lan", "--name",
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

    SohoaProcess.Result unlocked = SohoaCli.run("officers", "unlock", "lan", "--data",
        data.toString());

    assertEquals(0, unlocked.exitCode(), unlocked.err());
    assertFalse(list(data).contains("LOCKED"), list(data));
    assertEquals(0, SohoaCli.run("officers", "disable", "lan", "--data",
        data.toString()).exitCode());
    assertTrue(list(data).contains("DISABLED"), list(data));
    SohoaProcess.Result disabled = SohoaCli.run("officers", "unlock", "lan", "--data",
        data.toString());
    assertEquals(2, disabled.exitCode(), "a disabled account is not unlocked");
    assertTrue(disabled.err().contains("there is no live officer account lan"), disabled.err());
  }

  @Test
  void officersAdd_refusesAPasswordOnTheCommandLine() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));

    SohoaProcess.Result refused = SohoaCli.run("officers", "add", "binh", "--name",
        "Trần Văn Bình", "--title", "Văn thư", "--password", PASSWORD, "--data",
        data.toString());

    assertEquals(2, refused.exitCode());
    assertTrue(refused.err().contains("unknown option --password"), refused.err());
    assertFalse(refused.err().contains(PASSWORD), "the refusal does not repeat it");
  }

  @Test
  void certify_countsWrongKeyPasswordsAgainstTheOfficer_theFifthLocksSigning_untilUnlocked()
      throws Exception {
    Path data = Files.createDirectories(dir.resolve("data-khoa"));
    Path pki = dir.resolve("pki-khoa");
    assertEquals(0, SohoaCli.run("pki", "init", pki.toString()).exitCode());
    assertEquals(0, SohoaCli.run(Map.of("SOHOA_NEW_PASSWORD", PASSWORD), "officers", "add",
        "lan", "--name", "Nguyễn Thị Lan", "--title", "Chuyên viên", "--role", "officer",
        "--password-env", "SOHOA_NEW_PASSWORD", "--data", data.toString()).exitCode());
    Path wrong = Files.writeString(dir.resolve("sai"), "khong-phai-mat-khau\n");
    String[] certify = {"certify", "0".repeat(32), "-o", dir.resolve("ban-sao.pdf").toString(),
        "--officer", "lan", "--officer-identity", pki.resolve("officer.p12").toString(),
        "--agency-identity", pki.resolve("agency.p12").toString(), "--agency-password-file",
        pki.resolve("password").toString(), "--data", data.toString()};

    List<SohoaProcess.Result> wrongTries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      wrongTries.add(SohoaCli.run(plus(certify, "--officer-password-file", wrong.toString())));
    }
    SohoaProcess.Result rightButLocked = SohoaCli.run(plus(certify, "--officer-password-file",
        pki.resolve("password").toString()));
    String listedWhileLocked = list(data);
    assertEquals(0, SohoaCli.run("officers", "unlock", "lan", "--data", data.toString())
        .exitCode());
    SohoaProcess.Result unlocked = SohoaCli.run(plus(certify, "--officer-password-file",
        pki.resolve("password").toString()));

    for (SohoaProcess.Result tried : wrongTries) {
      assertEquals(2, tried.exitCode(), tried.err());
    }
    assertTrue(wrongTries.get(3).err().contains("1 more wrong tries lock signing by lan"),
        wrongTries.get(3).err());
    assertTrue(wrongTries.get(4).err().contains("signing by lan is locked until"),
        wrongTries.get(4).err());
    assertTrue(listedWhileLocked.contains("SIGNING LOCKED until"), "the console's lock");
    assertTrue(rightButLocked.err().contains("is locked until"), "the right password waits"
        + " too: " + rightButLocked.err());
    assertFalse(unlocked.err().contains("locked") || unlocked.err().contains("password"),
        "unlocked, the key opens and certify goes on: " + unlocked.err());
    assertTrue(unlocked.err().contains("no TSA is configured"), "as far as its next need, a"
        + " timestamp authority this test gives none: " + unlocked.err());
  }

  @Test
  void officersAdd_bindsTheAccountToItsCertificate_andRefusesAnotherName_unlessTheReasonIsLogged()
      throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path pki = dir.resolve("pki");
    assertEquals(0, SohoaCli.run("pki", "init", pki.toString()).exitCode());
    Map<String, String> env = Map.of("SOHOA_NEW_PASSWORD", PASSWORD);
    String[] key = {"--role", "officer", "--signing-key", pki.resolve("officer.p12").toString(),
        "--password-env", "SOHOA_NEW_PASSWORD", "--data", data.toString()};

    SohoaProcess.Result unbound = SohoaCli.run(env, with(key, "officers", "add", "hoa",
        "--name", "Nguyễn Thị Hoa", "--title", "Chuyên viên"));
    SohoaProcess.Result misnamed = SohoaCli.run(env, with(key, "officers", "add", "lan",
        "--name", "Nguyễn Thị Lan", "--title", "Chuyên viên", "--certificate",
        pki.resolve("officer.pem").toString()));
    SohoaProcess.Result bound = SohoaCli.run(env, with(key, "officers", "add", "hoa",
        "--name", "Nguyễn Thị Hoa", "--title", "Chuyên viên", "--certificate",
        pki.resolve("officer.pem").toString()));
    SohoaProcess.Result overridden = SohoaCli.run(env, with(key, "officers", "add",
        "hoa2", "--name", "Nguyen Thi Hoa", "--title", "Chuyên viên", "--certificate",
        pki.resolve("officer.pem").toString(), "--name-differs-from-certificate",
        "tên trong hồ sơ cán bộ viết không dấu"));

    assertEquals(2, unbound.exitCode(), unbound.err());
    assertTrue(unbound.err().contains("--certificate"), unbound.err());
    assertEquals(2, misnamed.exitCode(), misnamed.err());
    assertTrue(misnamed.err().contains("issued to 'Nguyễn Thị Hoa', not to 'Nguyễn Thị Lan'"),
        misnamed.err());
    assertEquals(0, bound.exitCode(), bound.err());
    assertEquals(0, overridden.exitCode(), overridden.err());
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      assertTrue(catalog.officers().find("hoa").orElseThrow().certificate().isPresent());
      assertTrue(catalog.officers().find("lan").isEmpty(), "nothing was added");
      assertTrue(catalog.auditLog().entries(Instant.EPOCH, Instant.now().plusSeconds(1))
          .stream().anyMatch(e -> e.action().equals("officer-add-name-override")
              && e.detail().contains("viết không dấu")), "the override is on record");
    }
    SohoaProcess.Result noAccount = SohoaCli.run("keys", "create", "--role", "officer",
        "--officer", "khong-co", "--data", data.toString());
    assertEquals(2, noAccount.exitCode(), noAccount.err());
  }

  private static String[] plus(String[] head, String... tail) {
    return with(tail, head);
  }

  private static String[] with(String[] tail, String... head) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private String list(Path data) throws Exception {
    SohoaProcess.Result listed = SohoaCli.run("officers", "list", "--data",
        data.toString());
    assertEquals(0, listed.exitCode(), listed.err());
    assertTrue(listed.out().contains("Nguyễn Thị Lan"), listed.out());
    return listed.out();
  }
}
