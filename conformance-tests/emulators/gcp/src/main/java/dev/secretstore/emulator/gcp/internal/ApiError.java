package dev.secretstore.emulator.gcp.internal;

import com.google.protobuf.Any;
import io.grpc.Status;
import java.util.List;

/**
 * A failure the service reports to its caller: a canonical gRPC code, the service's message and, where Google sends
 * them, the {@code google.rpc.Status} details (ErrorInfo, Help, ...; AIP-193).
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Status.Code code;
  private final transient List<Any> details;

  public ApiError(Status.Code code, String message) {
    this(code, message, List.of());
  }

  public ApiError(Status.Code code, String message, List<Any> details) {
    super(message, null, false, false);
    this.code = code;
    this.details = List.copyOf(details);
  }

  public Status.Code code() {
    return code;
  }

  /** The status details, packed as {@code Any}; empty when the service sends none for this failure. */
  public List<Any> details() {
    return details;
  }

  /** The whole status as {@code google.rpc.Status}: what travels in the {@code grpc-status-details-bin} trailer. */
  public com.google.rpc.Status toStatusProto() {
    return com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(getMessage()).addAllDetails(details)
        .build();
  }

  public static ApiError invalidArgument(String message) {
    return new ApiError(Status.Code.INVALID_ARGUMENT, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(Status.Code.NOT_FOUND, message);
  }

  public static ApiError failedPrecondition(String message) {
    return new ApiError(Status.Code.FAILED_PRECONDITION, message);
  }

  /** The documented wording: the service never says whether a resource exists to someone who may not see it. */
  public static ApiError permissionDenied(String permission, String resource) {
    return new ApiError(Status.Code.PERMISSION_DENIED,
        "Permission '" + permission + "' denied for resource '" + resource + "' (or it may not exist).");
  }

  public static ApiError unauthenticated() {
    return new ApiError(Status.Code.UNAUTHENTICATED,
        "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other "
            + "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.");
  }

  public static ApiError missingCredentials() {
    return new ApiError(Status.Code.UNAUTHENTICATED,
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other "
            + "valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.");
  }

  /** The HTTP status the REST mapping uses for this code (google.rpc.Code → HTTP, as Google's front end maps it). */
  public int httpStatus() {
    return httpStatus(code);
  }

  public static int httpStatus(Status.Code code) {
    switch (code) {
      case OK: return 200;
      case CANCELLED: return 499;
      case INVALID_ARGUMENT: case FAILED_PRECONDITION: case OUT_OF_RANGE: return 400;
      case DEADLINE_EXCEEDED: return 504;
      case NOT_FOUND: return 404;
      case ALREADY_EXISTS: case ABORTED: return 409;
      case PERMISSION_DENIED: return 403;
      case UNAUTHENTICATED: return 401;
      case RESOURCE_EXHAUSTED: return 429;
      case UNIMPLEMENTED: return 501;
      case UNAVAILABLE: return 503;
      default: return 500;
    }
  }
}
