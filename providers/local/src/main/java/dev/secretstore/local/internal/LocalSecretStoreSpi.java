package dev.secretstore.local.internal;

import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreSpi;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The {@link SecretStoreSpi} of the local provider: translates SPI types to and from {@link LocalStore}. */
public final class LocalSecretStoreSpi implements SecretStoreSpi {
  private final LocalStore store;
  private final StoreLimits limits;
  private final String tagKey;

  public LocalSecretStoreSpi(LocalStore store, StoreLimits limits, String tagKey) {
    this.store = store;
    this.limits = limits;
    this.tagKey = tagKey;
  }

  public LocalStore store() {
    return store;
  }

  @Override
  public StoreLimits limits() {
    return limits;
  }

  @Override
  public String managedTagKey() {
    return tagKey;
  }

  @Override
  public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
    return withValue(value, name,
        bytes -> metadata(store.create(name.value(), bytes, value.isText(), tags)));
  }

  @Override
  public SecretMetadata addVersion(SecretName name, SecretValue value) {
    return withValue(value, name,
        bytes -> metadata(store.addVersion(name.value(), bytes, value.isText())));
  }

  @Override
  public void updateTags(SecretName name, Map<String, String> tags) {
    call(name, () -> store.updateTags(name.value(), tags));
  }

  @Override
  public Optional<SecretMetadata> describe(SecretName name) {
    return call(name, () -> store.describe(name.value()).map(this::metadata));
  }

  @Override
  public Secret read(SecretName name, Optional<String> version) {
    return call(name, () -> {
      VersionRead read = store.read(name.value(), version);
      byte[] bytes = read.value();
      try {
        SecretValue value = read.version().text()
            ? SecretValue.ofText(new String(bytes, StandardCharsets.UTF_8))
            : SecretValue.ofBytes(bytes);
        return new Secret(name, read.version().id(), value, read.version().createdAt());
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    });
  }

  @Override
  public List<String> listVersions(SecretName name) {
    return call(name, () -> store.describe(name.value())
        .map(record -> record.versions().stream().map(VersionEntry::id).collect(Collectors.toList()))
        .orElseThrow(() -> StoreFault.of(FaultKind.NOT_FOUND, name.value(), "no such secret")));
  }

  @Override
  public Page<SecretMetadata> list(ListOptions options) {
    return call(null, () -> {
      RecordPage page = store.list(options.prefix(), options.pageSize(), options.pageToken());
      List<SecretMetadata> items = page.items().stream().map(this::listed).collect(Collectors.toList());
      return Page.of(items, page.nextToken().orElse(null));
    });
  }

  @Override
  public void delete(SecretName name, DeleteOptions options) {
    call(name, () -> {
      store.delete(name.value(), options.isForce(), options.recoveryWindow());
      return null;
    });
  }

  @Override
  public SecretMetadata restore(SecretName name) {
    return call(name, () -> metadata(store.restore(name.value())));
  }

  // A record that cannot be read is listed with its problem, so the damage is seen rather than hidden.
  private SecretMetadata listed(RecordPage.Listed item) {
    if (item.record() != null) {
      return metadata(item.record());
    }
    return SecretMetadata.builder(SecretName.of(item.name()))
        .nativeId(item.damage().location().orElse(store.recordPath(item.name()).toString()))
        .integrityProblem(item.damage().detail())
        .build();
  }

  private SecretMetadata metadata(SecretRecord record) {
    SecretMetadata.Builder builder = SecretMetadata.builder(SecretName.of(record.name()))
        .nativeId(store.recordPath(record.name()).toString())
        .version(record.latest().id())
        .tags(record.tags())
        .createdAt(record.createdAt())
        .updatedAt(record.updatedAt());
    if (record.deletionDate() != null) {
      builder.deletionDate(record.deletionDate());
    }
    return builder.build();
  }

  private <T> T withValue(SecretValue value, SecretName name,
      java.util.function.Function<byte[], T> action) {
    byte[] bytes = value.bytes();
    try {
      return call(name, () -> action.apply(bytes));
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  // The operation is left for the engine to fill in: it knows that a create was part of a put, for example.
  private static <T> T call(SecretName name, Supplier<T> action) {
    try {
      return action.get();
    } catch (StoreFault fault) {
      throw Faults.toException(fault, null, name);
    }
  }

  @Override
  public String toString() {
    return "LocalSecretStoreSpi[" + store + "]";
  }
}
