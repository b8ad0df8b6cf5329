package dev.secretstore.emulator.gcp.internal;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/** Carries the caller's {@code authorization} metadata to the service through the gRPC context. */
public final class GrpcAuthorization implements ServerInterceptor {
  static final Context.Key<String> HEADER = Context.key("authorization");
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
      ServerCallHandler<Q, R> next) {
    Context ctx = Context.current().withValue(HEADER, headers.get(AUTHORIZATION));
    return Contexts.interceptCall(ctx, call, headers, next);
  }
}
