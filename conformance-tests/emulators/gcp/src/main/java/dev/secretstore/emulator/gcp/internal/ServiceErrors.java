package dev.secretstore.emulator.gcp.internal;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import io.grpc.Status;
import java.util.List;

/**
 * The failures Google's API front end reports before the service itself sees a request, with the ErrorInfo
 * (domain {@code googleapis.com}, reasons of {@code google/api/error_reason.proto}) the real service attaches. The
 * messages are the ones recorded from Secret Manager; see the README's "Where each status message comes from".
 */
public final class ServiceErrors {
  static final String SERVICE = "secretmanager.googleapis.com";
  static final String DOMAIN = "googleapis.com";
  private static final String CONSOLE = "https://console.developers.google.com";

  private ServiceErrors() {}

  /** PERMISSION_DENIED, reason SERVICE_DISABLED: the Secret Manager API is not enabled in the project. */
  public static ApiError serviceDisabled(Project project) {
    String number = Long.toString(project.number());
    String activation = CONSOLE + "/apis/api/" + SERVICE + "/overview?project=" + number;
    String message = "Secret Manager API has not been used in project " + number + " before or it is disabled. "
        + "Enable it by visiting " + activation + " then retry. If you enabled this API recently, wait a few "
        + "minutes for the action to propagate to our systems and retry.";
    ErrorInfo info = ErrorInfo.newBuilder().setReason("SERVICE_DISABLED").setDomain(DOMAIN)
        .putMetadata("consumer", "projects/" + number)
        .putMetadata("service", SERVICE)
        .putMetadata("activationUrl", activation)
        .putMetadata("serviceTitle", "Secret Manager API")
        .putMetadata("containerInfo", number)
        .build();
    Help help = Help.newBuilder().addLinks(Help.Link.newBuilder()
        .setDescription("Google developers console API activation").setUrl(activation)).build();
    return new ApiError(Status.Code.PERMISSION_DENIED, message, List.of(Any.pack(info), localized(message),
        Any.pack(help)));
  }

  /**
   * PERMISSION_DENIED, reason CONSUMER_INVALID: the project named in the request does not exist (or is deleted, or
   * malformed). Named as the caller wrote it.
   */
  public static ApiError consumerInvalid(String projectAsWritten) {
    String message = "Permission denied on resource project " + projectAsWritten + ".";
    ErrorInfo info = ErrorInfo.newBuilder().setReason("CONSUMER_INVALID").setDomain(DOMAIN)
        .putMetadata("consumer", "projects/" + projectAsWritten)
        .putMetadata("service", SERVICE)
        .putMetadata("containerInfo", projectAsWritten)
        .build();
    Help help = Help.newBuilder().addLinks(Help.Link.newBuilder().setDescription("Google developers console")
        .setUrl(CONSOLE)).build();
    return new ApiError(Status.Code.PERMISSION_DENIED, message, List.of(Any.pack(info), localized(message),
        Any.pack(help)));
  }

  private static Any localized(String message) {
    return Any.pack(LocalizedMessage.newBuilder().setLocale("en-US").setMessage(message).build());
  }
}
