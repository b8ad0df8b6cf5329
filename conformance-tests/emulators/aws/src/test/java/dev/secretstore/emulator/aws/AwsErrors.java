package dev.secretstore.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Asserts the three parts of an AWS error as the SDK parsed them: code, HTTP status and message. */
final class AwsErrors {
    private AwsErrors() {
    }

    static AwsServiceException expectError(ThrowingCallable call, String code, int status, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(e.statusCode()).isEqualTo(status);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        return e;
    }
}
