package sohoa.testkit.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts and names beforehand (a PKI's timestamp authority, written
 * into its certificates; a server's {@code --port}). A port taken from {@code new ServerSocket(0)}
 * and closed is free only until someone else binds it: the kernel hands the same ephemeral ports
 * to the other classes running beside, and to the S3 servers they start. A test that certified
 * against such a port once met an S3 server there ("the timestamp authority answered HTTP 400").
 * These ports are drawn at random from below Linux's ephemeral range (32768 up), where the kernel
 * hands out none, and none twice in one JVM.
 */
public final class FreePorts {
  private static final int LOWEST = 20_000;
  private static final int BELOW_EPHEMERAL = 32_768;
  /** Every port handed out in this JVM: the test JVM's one record of them, kept for its life. */
  private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port nothing listens on now and that no other caller in this JVM was given. */
  public static int next() {
    for (int tries = 0; tries < 1_000; tries++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, BELOW_EPHEMERAL);
      if (GIVEN.add(port) && bindable(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port between " + LOWEST + " and "
        + BELOW_EPHEMERAL + " in 1000 tries");
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
