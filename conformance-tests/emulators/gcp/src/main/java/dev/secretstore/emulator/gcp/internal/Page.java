package dev.secretstore.emulator.gcp.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** One page of an ordered result; the token is the last returned name, opaque to the caller. */
record Page<T>(List<T> items, String nextToken) {
  static final int MAX_PAGE_SIZE = 25_000;
  /** What a token that resumes at the first result stands for (no name is empty). */
  /**
   * A response with no results that still goes on (AIP-158: a service may return fewer results than asked for, none
   * included, before the end of the collection): its token resumes where this page would have started.
   */
  static String resumeToken(String requestToken) {
    return requestToken.isEmpty() ? Base64.getUrlEncoder().encodeToString(new byte[] {0}) : requestToken;
  }

  static <T> Page<T> of(List<T> all, int pageSize, String token, Function<T, String> key) {
    if (pageSize < 0) {
      throw ApiError.invalidArgument("page_size must not be negative.");
    }
    int size = pageSize == 0 || pageSize > MAX_PAGE_SIZE ? MAX_PAGE_SIZE : pageSize;
    int start = 0;
    if (!token.isEmpty()) {
      String after;
      try {
        after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.invalidArgument("Invalid page_token.");
      }
      start = after.equals("\0") ? 0 : -1;
      for (int i = 0; i < all.size(); i++) {
        if (key.apply(all.get(i)).equals(after)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw ApiError.invalidArgument("Invalid page_token.");
      }
    }
    int end = Math.min(all.size(), start + size);
    String next = end < all.size()
        ? Base64.getUrlEncoder().withoutPadding().encodeToString(
            key.apply(all.get(end - 1)).getBytes(StandardCharsets.UTF_8))
        : "";
    return new Page<>(List.copyOf(all.subList(start, end)), next);
  }
}
