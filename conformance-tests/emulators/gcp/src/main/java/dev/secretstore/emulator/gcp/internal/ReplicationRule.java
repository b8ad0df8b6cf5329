package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.Secret;
import java.util.HashSet;
import java.util.Set;

/**
 * Replication: a global secret needs automatic or user-managed replication (distinct, non-empty replica
 * locations); a regional secret (under a location) takes none.
 */
final class ReplicationRule {
  private ReplicationRule() {}

  static void check(SecretPath parent, Secret in) {
    if (parent.location().isPresent()) {
      if (in.hasReplication() && !in.getReplication().equals(in.getReplication().getDefaultInstanceForType())) {
        throw ApiError.invalidArgument("Replication policy must not be set for a regional secret.");
      }
      return;
    }
    var rep = in.getReplication();
    if (rep.hasAutomatic()) {
      return;
    }
    if (rep.hasUserManaged()) {
      var replicas = rep.getUserManaged().getReplicasList();
      if (replicas.isEmpty()) {
        throw ApiError.invalidArgument("Secret.replication.user_managed.replicas must contain at least one replica.");
      }
      Set<String> seen = new HashSet<>();
      for (var replica : replicas) {
        if (replica.getLocation().isEmpty() || !seen.add(replica.getLocation())) {
          throw ApiError.invalidArgument("Secret.replication.user_managed.replicas must name distinct, non-empty "
              + "locations.");
        }
      }
      return;
    }
    throw ApiError.invalidArgument("Secret.replication must be set (automatic or user_managed) for a global secret.");
  }
}
