package dev.secretstore.emulator.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts the status code and message a client call fails with. */
final class ApiErrors {
  private ApiErrors() {}

  static ApiException thrownBy(ThrowingCallable call) {
    Throwable t = catchThrowable(call);
    assertThat(t).as("the call should fail").isInstanceOf(ApiException.class);
    return (ApiException) t;
  }

  static ApiException assertFails(ThrowingCallable call, StatusCode.Code code, String messagePart) {
    ApiException e = thrownBy(call);
    assertThat(e.getStatusCode().getCode()).as("status of: " + e.getMessage()).isEqualTo(code);
    assertThat(messages(e)).contains(messagePart);
    return e;
  }

  /**
   * The exception's message and its causes' (the HttpJson transport puts the server's JSON error, with the
   * message, in the cause; gRPC puts the status description in the exception's own message).
   */
  static String messages(Throwable e) {
    StringBuilder b = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      b.append(m).append('\n');
      int json = m.indexOf("{\"error\"");
      if (json >= 0) {
        // The HttpJson transport quotes the response body as JSON text; add its message as the server wrote it.
        b.append(com.google.gson.JsonParser.parseString(m.substring(json)).getAsJsonObject()
            .getAsJsonObject("error").get("message").getAsString()).append('\n');
      }
    }
    return b.toString();
  }
}
