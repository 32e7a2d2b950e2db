package sohoa.cli;

/** What the command tests that run side by side share, for JUnit's {@code @ResourceLock}. */
final class Locks {
  /**
   * The machine's RabbitMQ: ScaleOutIT restarts it (a broker that goes away mid-job), which a
   * class using it at the same time would meet as a refused connection. ScaleOutIT holds it
   * alone ({@code READ_WRITE}); the other classes that use it share it ({@code READ}).
   */
  static final String RABBITMQ = "rabbitmq";

  private Locks() {}
}
