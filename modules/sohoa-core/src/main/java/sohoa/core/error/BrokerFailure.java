package sohoa.core.error;

/**
 * The message broker (RabbitMQ) could not be reached, or did not confirm a task or an event; the
 * inputs are not at fault and nothing unconfirmed counts as sent.
 */
public final class BrokerFailure extends SohoaException {
  public BrokerFailure(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "broker-failure", ExitStatus.SOME_FAILED, 503);
  }
}
