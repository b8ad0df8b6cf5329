package dev.secretstore.emulator.gcp.internal;

import java.util.List;
import java.util.Optional;

/** One role granted to members, optionally under a condition. */
public record IamBinding(String role, List<String> members, Optional<IamCondition> condition) {
  public IamBinding {
    members = List.copyOf(members);
  }
}
