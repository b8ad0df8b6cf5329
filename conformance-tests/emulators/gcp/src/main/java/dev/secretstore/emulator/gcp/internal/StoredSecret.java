package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.Secret;
import com.google.iam.v1.Policy;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A secret as kept: metadata, versions by number, and its own IAM policy. */
final class StoredSecret {
  final Project project;
  Secret meta;
  final TreeMap<Long, StoredVersion> versions = new TreeMap<>();
  long lastVersion;
  Policy policy = Policy.getDefaultInstance();
  List<IamBinding> bindings = List.of();

  StoredSecret(Project project, Secret meta) {
    this.project = project;
    this.meta = meta;
  }

  Optional<StoredVersion> latest() {
    var e = versions.lastEntry();
    return e == null ? Optional.empty() : Optional.of(e.getValue());
  }

  @Override
  public String toString() {
    return "StoredSecret[" + meta.getName() + "]";
  }
}
