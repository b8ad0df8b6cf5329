package dev.secretstore.local.internal;

import java.util.List;
import java.util.Optional;

/** One page of a listing, in name order; the token resumes after the page's last name. */
public record RecordPage(List<Listed> items, Optional<String> nextToken) {
  public RecordPage {
    items = List.copyOf(items);
  }

  /** A listed secret: its record, or, for a record that cannot be read, the integrity fault that says why. */
  public record Listed(String name, SecretRecord record, StoreFault damage) {
    public static Listed healthy(SecretRecord record) {
      return new Listed(record.name(), record, null);
    }

    public static Listed damaged(String name, StoreFault damage) {
      return new Listed(name, null, damage);
    }
  }
}
