package sohoa.cli;

import org.junit.jupiter.api.Order;

/**
 * Where a command test class stands in the order JUnit starts them, three at a time, for
 * {@code @Order}. JUnit forks every class into its pool in this order: the two helper threads
 * take classes from the front, and the thread that forked them from the back, so the middle
 * starts last. The two longest classes go at the front and the other long ones at the back, so
 * that none is left running alone at the end; the classes that use RabbitMQ just after the front
 * pair, where a helper reaches them as ScaleOutIT, which holds the broker while it restarts it,
 * ends: a class waiting for the broker keeps its thread waiting, and that lane does nothing.
 */
final class Lanes {
  /** ScaleOutIT. */
  static final int LONGEST = 1;
  /** HostileInputIT. */
  static final int SECOND_LONGEST = 2;
  /** The classes that share the broker with ScaleOutIT. */
  static final int AFTER_SCALE_OUT = 3;
  /** The other long classes (half a minute each), started first by the forking thread. */
  static final int BACK = Order.DEFAULT + 1;

  private Lanes() {}
}
