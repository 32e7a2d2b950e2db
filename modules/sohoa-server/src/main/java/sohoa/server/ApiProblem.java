package sohoa.server;

import java.util.OptionalInt;

/**
 * A request that cannot be served, answered as RFC 9457 problem details
 * ({@code application/problem+json}) with a message a developer can act on.
 */
final class ApiProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final OptionalInt retryAfter;

  ApiProblem(int status, String title, String detail) {
    this(status, title, detail, OptionalInt.empty());
  }

  private ApiProblem(int status, String title, String detail, OptionalInt retryAfter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.retryAfter = retryAfter;
  }

  /** 503: the server is busy; the request may be sent again after {@code seconds}. */
  static ApiProblem busy(String detail, int seconds) {
    return new ApiProblem(503, "Service Unavailable", detail, OptionalInt.of(seconds));
  }

  /** Seconds after which the same request may succeed, for a Retry-After header. */
  OptionalInt retryAfter() {
    return retryAfter;
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }

  static ApiProblem notFound(String detail) {
    return new ApiProblem(404, "Not Found", detail);
  }

  static ApiProblem badRequest(String detail) {
    return new ApiProblem(400, "Bad Request", detail);
  }
}
