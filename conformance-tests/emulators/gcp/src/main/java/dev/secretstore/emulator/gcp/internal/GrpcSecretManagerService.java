package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.GetSecretRequest;
import com.google.cloud.secretmanager.v1.GetSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsResponse;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceGrpc;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/** SecretManagerService over gRPC: each method hands its request to the shared call pipeline. */
public final class GrpcSecretManagerService extends SecretManagerServiceGrpc.SecretManagerServiceImplBase {
  private final CallDispatcher dispatcher;
  private final SecretManagerOperations ops;

  public GrpcSecretManagerService(CallDispatcher dispatcher, SecretManagerOperations ops) {
    this.dispatcher = dispatcher;
    this.ops = ops;
  }

  @SuppressWarnings("unchecked")
  private <R extends Message> void call(Rpc rpc, Function<Principal, R> op, StreamObserver<R> out) {
    dispatcher.dispatch(rpc, GrpcAuthorization.HEADER.get(), op, (response, error) -> {
      if (error != null) {
        // With details, the whole google.rpc.Status travels in the grpc-status-details-bin trailer, as Google sends it.
        out.onError(error.details().isEmpty()
            ? Status.fromCode(error.code()).withDescription(error.getMessage()).asRuntimeException()
            : StatusProto.toStatusRuntimeException(error.toStatusProto()));
      } else {
        out.onNext((R) response);
        out.onCompleted();
      }
    });
  }

  @Override
  public void listSecrets(ListSecretsRequest r, StreamObserver<ListSecretsResponse> out) {
    call(Rpc.ListSecrets, who -> ops.listSecrets(who, r), out);
  }

  @Override
  public void createSecret(CreateSecretRequest r, StreamObserver<Secret> out) {
    call(Rpc.CreateSecret, who -> ops.createSecret(who, r), out);
  }

  @Override
  public void addSecretVersion(AddSecretVersionRequest r, StreamObserver<SecretVersion> out) {
    call(Rpc.AddSecretVersion, who -> ops.addSecretVersion(who, r), out);
  }

  @Override
  public void getSecret(GetSecretRequest r, StreamObserver<Secret> out) {
    call(Rpc.GetSecret, who -> ops.getSecret(who, r), out);
  }

  @Override
  public void updateSecret(UpdateSecretRequest r, StreamObserver<Secret> out) {
    call(Rpc.UpdateSecret, who -> ops.updateSecret(who, r), out);
  }

  @Override
  public void deleteSecret(DeleteSecretRequest r, StreamObserver<Empty> out) {
    call(Rpc.DeleteSecret, who -> ops.deleteSecret(who, r), out);
  }

  @Override
  public void listSecretVersions(ListSecretVersionsRequest r, StreamObserver<ListSecretVersionsResponse> out) {
    call(Rpc.ListSecretVersions, who -> ops.listSecretVersions(who, r), out);
  }

  @Override
  public void getSecretVersion(GetSecretVersionRequest r, StreamObserver<SecretVersion> out) {
    call(Rpc.GetSecretVersion, who -> ops.getSecretVersion(who, r), out);
  }

  @Override
  public void accessSecretVersion(AccessSecretVersionRequest r, StreamObserver<AccessSecretVersionResponse> out) {
    call(Rpc.AccessSecretVersion, who -> ops.accessSecretVersion(who, r), out);
  }

  @Override
  public void disableSecretVersion(DisableSecretVersionRequest r, StreamObserver<SecretVersion> out) {
    call(Rpc.DisableSecretVersion, who -> ops.disableSecretVersion(who, r), out);
  }

  @Override
  public void enableSecretVersion(EnableSecretVersionRequest r, StreamObserver<SecretVersion> out) {
    call(Rpc.EnableSecretVersion, who -> ops.enableSecretVersion(who, r), out);
  }

  @Override
  public void destroySecretVersion(DestroySecretVersionRequest r, StreamObserver<SecretVersion> out) {
    call(Rpc.DestroySecretVersion, who -> ops.destroySecretVersion(who, r), out);
  }

  @Override
  public void setIamPolicy(SetIamPolicyRequest r, StreamObserver<Policy> out) {
    call(Rpc.SetIamPolicy, who -> ops.setIamPolicy(who, r), out);
  }

  @Override
  public void getIamPolicy(GetIamPolicyRequest r, StreamObserver<Policy> out) {
    call(Rpc.GetIamPolicy, who -> ops.getIamPolicy(who, r), out);
  }

  @Override
  public void testIamPermissions(TestIamPermissionsRequest r, StreamObserver<TestIamPermissionsResponse> out) {
    call(Rpc.TestIamPermissions, who -> ops.testIamPermissions(who, r), out);
  }
}
