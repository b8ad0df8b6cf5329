package dev.secretstore.emulator.aws.internal.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The condition rules of the IAM reference, key by key, on a single Allow statement: what a missing key, a
 * single value and several values do to each operator form. (The SDK-level tests cover the same rules end to end
 * for the keys Secrets Manager supplies; this table pins the corners.)
 */
class ConditionSemanticsTest {
    private static final Principal CALLER = new Principal("arn:aws:iam::123456789012:user/u", "123456789012",
            "AIDAX", "u", null, List.of(), List.of());

    private static Decision decide(String operator, String policyValues, List<String> requestValues) {
        String policy = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"*\",\"Condition\":{\"" + operator + "\":{\"k:key\":" + policyValues + "}}}]}";
        Principal caller = new Principal(CALLER.arn(), CALLER.accountId(), CALLER.userId(), CALLER.userName(), null,
                List.of(PolicyDocument.parse(policy)), List.of());
        RequestContext context = new RequestContext();
        if (requestValues != null) {
            context.putAll("k:key", requestValues);
        }
        return PolicyEvaluator.evaluate(caller, "secretsmanager:GetSecretValue", "arn:x", context);
    }

    private static List<String> values(String cell) {
        return "missing".equals(cell) ? null : List.of(cell.split("\\|"));
    }

    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(delimiter = ';', value = {
        "StringEquals; \"a\"; missing; IMPLICIT_DENY",
        "StringEquals; \"a\"; a; ALLOW",
        "StringEquals; [\"a\",\"b\"]; b; ALLOW",
        "StringNotEquals; \"a\"; missing; ALLOW",
        "StringNotEquals; [\"a\",\"b\"]; b; IMPLICIT_DENY",
        "StringNotEquals; [\"a\",\"b\"]; c; ALLOW",
        "StringEqualsIfExists; \"a\"; missing; ALLOW",
        "StringEqualsIfExists; \"a\"; b; IMPLICIT_DENY",
        "StringLike; \"team-*\"; team-a; ALLOW",
        "StringLike; \"team-?\"; team-ab; IMPLICIT_DENY",
        "StringEqualsIgnoreCase; \"TRUE\"; true; ALLOW",
        "ForAllValues:StringEquals; \"true\"; missing; ALLOW",
        "ForAllValues:StringEquals; \"true\"; true; ALLOW",
        "ForAllValues:StringEquals; \"true\"; false; IMPLICIT_DENY",
        "ForAllValues:StringEquals; [\"a\",\"b\"]; a|b; ALLOW",
        "ForAllValues:StringEquals; [\"a\",\"b\"]; a|c; IMPLICIT_DENY",
        "ForAnyValue:StringEquals; \"a\"; missing; IMPLICIT_DENY",
        "ForAnyValue:StringEquals; \"a\"; c|a; ALLOW",
        "ForAnyValue:StringEquals; \"a\"; c|d; IMPLICIT_DENY",
        "Null; \"true\"; missing; ALLOW",
        "Null; \"true\"; x; IMPLICIT_DENY",
        "Null; \"false\"; x; ALLOW",
        "Bool; \"true\"; true; ALLOW",
        "NumericLessThanEquals; \"30\"; 7; ALLOW",
        "NumericGreaterThan; \"30\"; 7; IMPLICIT_DENY",
        "NumericEquals; \"7\"; seven; IMPLICIT_DENY"
    })
    void conditionTable(String operator, String policyValues, String request, Decision expected) {
        assertThat(decide(operator, policyValues, values(request))).isEqualTo(expected);
    }

    @Test
    void denyStatementsWinOverAllows() {
        PolicyDocument policy = PolicyDocument.parse("{\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"NotAction\":\"secretsmanager:Describe*\",\"Resource\":\"arn:x:*\"}]}");
        Principal caller = new Principal(CALLER.arn(), CALLER.accountId(), CALLER.userId(), CALLER.userName(), null,
                List.of(policy), List.of());
        RequestContext none = new RequestContext();
        assertThat(PolicyEvaluator.evaluate(caller, "secretsmanager:GetSecretValue", "arn:x:1", none))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(PolicyEvaluator.evaluate(caller, "secretsmanager:DescribeSecret", "arn:x:1", none))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(caller, "secretsmanager:GetSecretValue", "arn:y:1", none))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void sessionPolicyNarrowsTheRolesPermissions() {
        PolicyDocument role = PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:*\",\"Resource\":\"*\"}}");
        PolicyDocument session = PolicyDocument.parse(
                "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"secretsmanager:GetSecretValue\",\"Resource\":\"*\"}}");
        Principal caller = new Principal("arn:aws:sts::123456789012:assumed-role/r/s", "123456789012", "AROAX:s",
                null, "arn:aws:iam::123456789012:role/r", List.of(role), List.of(session));
        assertThat(PolicyEvaluator.evaluate(caller, "secretsmanager:GetSecretValue", "*", new RequestContext()))
                .isEqualTo(Decision.ALLOW);
        assertThat(PolicyEvaluator.evaluate(caller, "secretsmanager:DeleteSecret", "*", new RequestContext()))
                .isEqualTo(Decision.SESSION_IMPLICIT_DENY);
    }

    @Test
    void unsupportedOperatorsAreRefusedWhenThePolicyIsLoaded() {
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\",\"Condition\":{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01\"}}}}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("DateGreaterThan");
        assertThatThrownBy(() -> PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Maybe\",\"Action\":\"*\"}}"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("Effect");
    }
}
