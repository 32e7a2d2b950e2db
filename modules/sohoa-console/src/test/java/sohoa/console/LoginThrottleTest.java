package sohoa.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private Instant now = Instant.parse("2026-12-02T08:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  });

  @Test
  void wait_firstThreeWrongTries_costNothing_thenEachDoublesTheWait() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("lan", "10.0.3.7");
    }
    assertEquals(Optional.empty(), throttle.wait("lan", "10.0.3.7"));

    throttle.failed("lan", "10.0.3.7");
    assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.wait("lan", "10.0.3.7"));
    throttle.failed("lan", "10.0.3.7");
    assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.wait("lan", "10.0.3.7"));
  }

  @Test
  void wait_strangerGuessingAnOfficersPassword_holdsTheOfficerBackAMinuteAtMost() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("lan", "203.0.113.9");
    }

    assertEquals(Optional.of(LoginThrottle.ADDRESS_CAP), throttle.wait("lan", "203.0.113.9"),
        "the guesser's own address waits a quarter of an hour");
    assertEquals(Optional.of(LoginThrottle.USER_CAP), throttle.wait("lan", "10.0.3.7"),
        "the officer at the counter waits a minute");
    now = now.plus(LoginThrottle.USER_CAP);
    assertEquals(Optional.empty(), throttle.wait("lan", "10.0.3.7"));
  }

  @Test
  void wait_sprayOfNamesFromOneAddress_isSlowedByTheAddress() {
    for (int i = 0; i < 10; i++) {
      throttle.failed("ten-" + i, "203.0.113.9");
    }

    Optional<Duration> next = throttle.wait("ten-moi", "203.0.113.9");
    assertTrue(next.isPresent() && next.get().compareTo(Duration.ofSeconds(60)) > 0,
        "the eleventh name from the same address waits: " + next);
    assertEquals(Optional.empty(), throttle.wait("ten-moi", "10.0.3.7"));
  }

  @Test
  void succeeded_clearsTheNameAndTheAddress() {
    for (int i = 0; i < 6; i++) {
      throttle.failed("lan", "10.0.3.7");
    }
    now = now.plus(Duration.ofMinutes(2));

    throttle.succeeded("lan", "10.0.3.7");
    throttle.failed("lan", "10.0.3.7");

    assertEquals(Optional.empty(), throttle.wait("lan", "10.0.3.7"), "counting starts again");
  }
}
