package dev.secretstore.emulator.gcp.internal;

import com.google.protobuf.Message;
import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The pipeline every call goes through on either transport: count, injected latency (without blocking a
 * transport thread), injected fault, authentication, then the operation (which raises the project-level faults once
 * it knows the project), then a change another party makes right after it (the control API's {@code afterNext}), then a
 * fault that replaces the applied request's response.
 */
public final class CallDispatcher implements AutoCloseable {
  private final EmulatorCore core;
  private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "gcp-emulator-latency");
    t.setDaemon(true);
    return t;
  });

  public CallDispatcher(EmulatorCore core) {
    this.core = core;
  }

  /** Runs the call and reports exactly one of (response, null) or (null, error) to {@code done}. */
  public void dispatch(Rpc rpc, String authorization, Function<Principal, ? extends Message> operation,
      BiConsumer<Message, ApiError> done) {
    core.counts().increment(rpc.name());
    core.counts().started(rpc.name());
    BiConsumer<Message, ApiError> answered = (response, error) -> {
      core.counts().answered(rpc.name());
      done.accept(response, error);
    };
    Duration latency = core.faults().latency();
    if (latency.isZero()) {
      run(rpc, authorization, operation, answered);
    } else {
      delayed.schedule(() -> run(rpc, authorization, operation, answered), latency.toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void run(Rpc rpc, String authorization, Function<Principal, ? extends Message> operation,
      BiConsumer<Message, ApiError> done) {
    Message response;
    try {
      var fault = core.faults().next(rpc.name());
      if (fault.isPresent()) {
        throw fault.get();
      }
      Principal who = core.authenticator().authenticate(authorization);
      try {
        response = operation.apply(who);
      } finally {
        // After the operation, whether it answered or refused (a refused access of a disabled version included).
        core.faults().takeAfterNext(rpc.name()).ifPresent(Runnable::run);
      }
      var lost = core.faults().nextAfterApplying(rpc.name());
      if (lost.isPresent()) {
        throw lost.get();
      }
    } catch (ApiError e) {
      done.accept(null, e);
      return;
    } catch (RuntimeException e) {
      done.accept(null, new ApiError(Status.Code.INTERNAL, "Internal error in the emulator: " + e));
      return;
    }
    done.accept(response, null);
  }

  @Override
  public void close() {
    delayed.shutdownNow();
  }
}
