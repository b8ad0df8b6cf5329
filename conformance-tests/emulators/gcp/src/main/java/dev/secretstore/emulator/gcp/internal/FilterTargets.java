package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.util.Timestamps;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The fields a list filter sees on a secret or a version. */
final class FilterTargets {
  private FilterTargets() {}

  static ListFilter.Target of(Secret s) {
    Map<String, String> f = new HashMap<>();
    f.put("name", s.getName());
    f.put("create_time", Timestamps.toString(s.getCreateTime()));
    s.getLabelsMap().forEach((k, v) -> f.put("labels." + k, v));
    s.getAnnotationsMap().forEach((k, v) -> f.put("annotations." + k, v));
    if (s.getReplication().hasAutomatic()) {
      f.put("replication.automatic", "true");
    }
    if (s.getReplication().hasUserManaged()) {
      f.put("replication.user_managed", "true");
      f.put("replication.user_managed.replicas.location", String.join(",",
          s.getReplication().getUserManaged().getReplicasList().stream().map(x -> x.getLocation()).toList()));
    }
    if (!s.getLabelsMap().isEmpty()) {
      f.put("labels", String.join(",", s.getLabelsMap().keySet()));
    }
    return target(f);
  }

  static ListFilter.Target of(SecretVersion v) {
    Map<String, String> f = new HashMap<>();
    f.put("name", v.getName());
    f.put("state", v.getState().name());
    f.put("create_time", Timestamps.toString(v.getCreateTime()));
    if (v.hasDestroyTime()) {
      f.put("destroy_time", Timestamps.toString(v.getDestroyTime()));
    }
    return target(f);
  }

  private static ListFilter.Target target(Map<String, String> fields) {
    return new ListFilter.Target() {
      @Override
      public Optional<String> field(String path) {
        return Optional.ofNullable(fields.get(path));
      }

      @Override
      public Map<String, String> allFields() {
        return fields;
      }
    };
  }
}
