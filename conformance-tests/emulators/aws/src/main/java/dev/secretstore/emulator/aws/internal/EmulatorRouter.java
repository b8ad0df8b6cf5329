package dev.secretstore.emulator.aws.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.emulator.aws.internal.control.AdminApi;
import dev.secretstore.emulator.aws.internal.control.EmulatorState;
import dev.secretstore.emulator.aws.internal.control.FaultTable;
import dev.secretstore.emulator.aws.internal.http.HttpRequestView;
import dev.secretstore.emulator.aws.internal.http.HttpResponseView;
import dev.secretstore.emulator.aws.internal.http.RequestRouter;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.protocol.AwsJsonProtocol;
import dev.secretstore.emulator.aws.internal.protocol.AwsQueryProtocol;
import dev.secretstore.emulator.aws.internal.protocol.FormBody;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.sigv4.AuthFailure;
import dev.secretstore.emulator.aws.internal.sigv4.SigV4Verifier;
import dev.secretstore.emulator.aws.internal.sm.SecretsManagerService;
import dev.secretstore.emulator.aws.internal.sts.StsService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends each request to the admin API, Secrets Manager (JSON 1.1, {@code X-Amz-Target}) or STS (Query protocol:
 * a POSTed form or a GET query string).
 * For the AWS APIs the order is: count, faults, rate limit, SigV4, then the operation under the state lock.
 */
public final class EmulatorRouter implements RequestRouter {
    private static final String TARGET_PREFIX = "secretsmanager.";

    private final EmulatorState state;
    private final SigV4Verifier verifier;
    private final SecretsManagerService secretsManager;
    private final StsService sts;
    private final AdminApi admin;

    public EmulatorRouter(EmulatorState state) {
        this.state = state;
        this.verifier = new SigV4Verifier(state.identities());
        this.secretsManager = new SecretsManagerService(state.secrets());
        this.sts = new StsService(state.identities());
        this.admin = new AdminApi(state);
    }

    @Override
    public Routed route(HttpRequestView request) {
        Instant now = state.clock().now();
        Routed routed;
        if (request.path().startsWith(AdminApi.PREFIX)) {
            routed = Routed.now(admin.handle(request));
        } else if (request.header("x-amz-target") != null) {
            routed = secretsManager(request);
        } else if ("POST".equals(request.method()) && isForm(request)) {
            routed = sts(request, FormBody.parse(request.body()));
        } else if ("GET".equals(request.method()) && !request.rawQuery().isEmpty()) {
            // The Query protocol also takes its parameters in a GET's query string.
            routed = sts(request, FormBody.parse(request.rawQuery().getBytes(StandardCharsets.UTF_8)));
        } else {
            routed = Routed.now(AwsJsonProtocol.error(AwsException.badRequest("UnknownOperationException",
                    "Send Secrets Manager requests with X-Amz-Target, or STS requests as a Query form.")));
        }
        if (routed.response().resetConnection()) {
            return routed;
        }
        // Date lets SDKs correct their clock skew, as they do against AWS.
        return new Routed(routed.response().withHeader("Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(now.atOffset(ZoneOffset.UTC))), routed.delayMillis());
    }

    private static boolean isForm(HttpRequestView request) {
        String type = request.header("content-type");
        return type != null && type.startsWith("application/x-www-form-urlencoded");
    }

    private Routed secretsManager(HttpRequestView request) {
        String target = request.header("x-amz-target");
        String operation = target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
        if (!target.startsWith(TARGET_PREFIX) || !secretsManager.supports(operation)) {
            return Routed.now(AwsJsonProtocol.error(AwsException.badRequest("UnknownOperationException",
                    "Operation " + target + " is not implemented by this emulator.")));
        }
        return guarded(operation, AwsJsonProtocol::error, SecretsManagerErrors.throttling(),
                SecretsManagerErrors.internalError(), () -> {
            SigV4Verifier.Verified caller = verify(request, "secretsmanager", AwsJsonProtocol::fromAuthFailure);
            JsonNode body = AwsJsonProtocol.parseBody(request.body());
            synchronized (state.lock()) {
                ObjectNode result = secretsManager.handle(operation, body, caller.credential().principal(),
                        caller.region(), state.clock().now());
                return AwsJsonProtocol.ok(result);
            }
        });
    }

    private Routed sts(HttpRequestView request, Map<String, String> params) {
        String action = params.getOrDefault("Action", "");
        // STS names these two errors differently from Secrets Manager.
        return guarded(action, AwsQueryProtocol::error, new AwsException("Throttling", 400, "Rate exceeded"),
                new AwsException("InternalFailure", 500, "An internal error occurred."), () -> {
            SigV4Verifier.Verified caller = verify(request, "sts", AwsQueryProtocol::fromAuthFailure);
            synchronized (state.lock()) {
                return sts.handle(action, params, caller.credential().principal(), state.clock().now());
            }
        });
    }

    private SigV4Verifier.Verified verify(HttpRequestView request, String service,
                                          Function<AuthFailure, AwsException> mapping) {
        try {
            return verifier.verify(request, service, state.clock().now());
        } catch (AuthFailure f) {
            throw mapping.apply(f);
        }
    }

    private interface Handler {
        HttpResponseView run();
    }

    private Routed guarded(String operation, Function<AwsException, HttpResponseView> errors, AwsException throttled,
                           AwsException internalError, Handler handler) {
        state.counter().increment(operation);
        FaultTable.Effect effect = state.faults().apply(operation);
        long delay = effect.latency().toMillis();
        if (effect.failure() == Fault.Kind.CONNECTION_RESET) {
            return new Routed(HttpResponseView.reset(), delay);
        }
        if (effect.failure() == Fault.Kind.THROTTLING) {
            return new Routed(errors.apply(throttled), delay);
        }
        if (effect.failure() == Fault.Kind.INTERNAL_ERROR) {
            return new Routed(errors.apply(internalError), delay);
        }
        if (!state.rateLimiter().tryAcquire(operation)) {
            return new Routed(errors.apply(throttled), delay);
        }
        if (effect.failure() == Fault.Kind.RESPONSE_LOST) {
            try {
                handler.run();
            } catch (RuntimeException ignored) {
                // The client never sees the answer, whatever it was.
            }
            return new Routed(HttpResponseView.reset(), delay);
        }
        try {
            return new Routed(handler.run(), delay);
        } catch (AwsException e) {
            return new Routed(errors.apply(e), delay);
        } catch (RuntimeException e) {
            // An emulator bug still answers in the protocol's shape, so clients fail as they would on AWS.
            return new Routed(errors.apply(internalError), delay);
        }
    }
}
