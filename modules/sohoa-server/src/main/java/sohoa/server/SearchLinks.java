package sohoa.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The links between the pages of a search (first, prev, next, last), as the same request with
 * another {@code page}: in the body for clients that read JSON, and as an RFC 8288 {@code Link}
 * header for those that follow links generically.
 */
final class SearchLinks {
  private SearchLinks() {}

  /**
   * The links from {@code page} of a search that found {@code total}, {@code size} to a page;
   * the last is the last page served (results past {@code maxSkipped} are not).
   */
  static Map<String, String> of(String path, Map<String, List<String>> query, int page,
      int size, int total, int maxSkipped) {
    int last = (int) Math.max(1, Math.min((total + size - 1L) / size, maxSkipped / size + 1L));
    Map<String, String> links = new LinkedHashMap<>();
    links.put("first", address(path, query, 1));
    if (page > 1) {
      links.put("prev", address(path, query, Math.min(page - 1, last)));
    }
    if (page < last) {
      links.put("next", address(path, query, page + 1));
    }
    links.put("last", address(path, query, last));
    return links;
  }

  /** The {@code Link} header of {@code links}. */
  static String header(Map<String, String> links) {
    StringJoiner header = new StringJoiner(", ");
    links.forEach((rel, address) -> header.add("<" + address + ">; rel=\"" + rel + "\""));
    return header.toString();
  }

  private static String address(String path, Map<String, List<String>> query, int page) {
    StringJoiner parameters = new StringJoiner("&", path + "?", "");
    query.forEach((name, values) -> {
      if (!name.equals("page")) {
        for (String value : values) {
          parameters.add(encode(name) + "=" + encode(value));
        }
      }
    });
    return parameters.add("page=" + page).toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
