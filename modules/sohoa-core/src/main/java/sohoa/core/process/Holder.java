package sohoa.core.process;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Names a process that holds something shared (a reserved register number, a claim on an
 * original being digitised), {@code host:pid:start-millis}, so that another process can tell when
 * nobody will finish it: on the same host, when that process is gone (its pid is free or taken by
 * a younger process); from another host, when the hold was not renewed within a lease that a
 * living holder renews well inside.
 */
public record Holder(String host, long pid, long startMillis) {
  /** This process. */
  public static Holder current() {
    ProcessHandle self = ProcessHandle.current();
    return new Holder(hostName(), self.pid(),
        self.info().startInstant().map(Instant::toEpochMilli).orElse(0L));
  }

  public static Optional<Holder> parse(String text) {
    String[] parts = text.split(":");
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Holder(parts[0], Long.parseLong(parts[1]),
          Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether, as this process sees it, the holder {@code text}, holding since {@code reservedAt},
   * will never finish. (An instance method: the host name is looked up once, not per check.)
   */
  public boolean seesAbandoned(String text, Instant reservedAt, Instant now, Duration lease) {
    Optional<Holder> holder = parse(text);
    if (holder.isPresent() && holder.get().host().equals(host)) {
      Holder h = holder.get();
      if (h.equals(this)) {
        return false;
      }
      return ProcessHandle.of(h.pid()).flatMap(p -> p.info().startInstant())
          .map(start -> start.toEpochMilli() != h.startMillis())
          .orElse(true);
    }
    return reservedAt.plus(lease).isBefore(now);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName().replace(':', '_');
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }

  @Override
  public String toString() {
    return host + ":" + pid + ":" + startMillis;
  }
}
