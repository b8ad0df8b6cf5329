package dev.secretstore.local.internal;

import java.util.List;
import java.util.Optional;

/** One page of a listing, in name order; the token resumes after the page's last name. */
public record RecordPage(List<SecretRecord> items, Optional<String> nextToken) {
  public RecordPage {
    items = List.copyOf(items);
  }
}
