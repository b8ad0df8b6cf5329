package dev.secretstore.emulator.aws.internal.iam;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The base condition operators the emulator evaluates. Negated operators are stored with their positive twin so
 * that "not equal to any listed value" is computed as IAM does.
 */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    ARN_EQUALS("ArnEquals", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_LIKE("ArnNotLike", true),
    NUMERIC_EQUALS("NumericEquals", false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true),
    NUMERIC_LESS_THAN("NumericLessThan", false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false),
    BOOL("Bool", false),
    NULL("Null", false);

    final String policyName;
    final boolean negated;

    ConditionOperator(String policyName, boolean negated) {
        this.policyName = policyName;
        this.negated = negated;
    }

    static ConditionOperator byName(String name) {
        for (ConditionOperator op : values()) {
            if (op.policyName.equals(name)) {
                return op;
            }
        }
        throw new PolicyException("Unsupported condition operator '" + name + "' (the emulator evaluates String*, "
                + "Arn*, Numeric*, Bool and Null, with IfExists and ForAllValues/ForAnyValue)");
    }

    /** Whether one request value satisfies the positive form of this operator against one policy value. */
    boolean positiveMatch(String requestValue, String policyValue) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS, ARN_EQUALS, ARN_NOT_EQUALS -> requestValue.equals(policyValue);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE ->
                    requestValue.toLowerCase(Locale.ROOT).equals(policyValue.toLowerCase(Locale.ROOT));
            case STRING_LIKE, STRING_NOT_LIKE, ARN_LIKE, ARN_NOT_LIKE ->
                    Wildcard.matches(policyValue, requestValue, false);
            case BOOL -> requestValue.equalsIgnoreCase(policyValue);
            case NUMERIC_EQUALS, NUMERIC_NOT_EQUALS -> compare(requestValue, policyValue) == 0;
            case NUMERIC_LESS_THAN -> compare(requestValue, policyValue) < 0;
            case NUMERIC_LESS_THAN_EQUALS -> compare(requestValue, policyValue) <= 0;
            case NUMERIC_GREATER_THAN -> compare(requestValue, policyValue) > 0;
            case NUMERIC_GREATER_THAN_EQUALS -> compare(requestValue, policyValue) >= 0;
            case NULL -> throw new IllegalStateException("Null is evaluated on presence, not on values");
        };
    }

    private static int compare(String requestValue, String policyValue) {
        try {
            return new BigDecimal(requestValue).compareTo(new BigDecimal(policyValue));
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE / 2; // not a number: never equal, and never in range for either direction
        }
    }
}
