package sohoa.server;

/**
 * A request that cannot be served, answered as RFC 9457 problem details
 * ({@code application/problem+json}) with a message a developer can act on.
 */
final class ApiProblem extends RuntimeException {
  private final int status;
  private final String title;

  ApiProblem(int status, String title, String detail) {
    super(detail);
    this.status = status;
    this.title = title;
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
