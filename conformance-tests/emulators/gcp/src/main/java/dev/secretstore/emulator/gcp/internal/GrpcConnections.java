package dev.secretstore.emulator.gcp.internal;

import io.grpc.Attributes;
import io.grpc.ServerTransportFilter;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the gRPC connections (HTTP/2 transports) clients open on either gRPC port: how many so far, how many open. */
public final class GrpcConnections extends ServerTransportFilter {
  private static final Attributes.Key<Boolean> COUNTED = Attributes.Key.create("secretstore-emulator-counted");
  private final AtomicLong opened = new AtomicLong();
  private final AtomicLong open = new AtomicLong();

  @Override
  public Attributes transportReady(Attributes attributes) {
    opened.incrementAndGet();
    open.incrementAndGet();
    return attributes.toBuilder().set(COUNTED, Boolean.TRUE).build();
  }

  @Override
  public void transportTerminated(Attributes attributes) {
    if (Boolean.TRUE.equals(attributes.get(COUNTED))) {
      open.decrementAndGet();
    }
  }

  public long opened() {
    return opened.get();
  }

  public long open() {
    return open.get();
  }
}
