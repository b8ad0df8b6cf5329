package dev.secretstore.emulator.aws.internal.iam;

import java.util.List;

/**
 * One key test of a {@code Condition} block, e.g. {@code "ForAllValues:StringEquals": {"aws:TagKeys": ["a"]}}.
 * Evaluation follows the IAM reference: a missing key fails a positive operator, satisfies a negated one,
 * satisfies anything with {@code IfExists}, satisfies {@code ForAllValues} and fails {@code ForAnyValue}.
 */
record Condition(SetQualifier qualifier, ConditionOperator operator, boolean ifExists, String key,
                 List<String> policyValues) {

    enum SetQualifier { NONE, FOR_ALL_VALUES, FOR_ANY_VALUE }

    static Condition parse(String operatorText, String key, List<String> values) {
        String text = operatorText;
        SetQualifier qualifier = SetQualifier.NONE;
        if (text.startsWith("ForAllValues:")) {
            qualifier = SetQualifier.FOR_ALL_VALUES;
            text = text.substring("ForAllValues:".length());
        } else if (text.startsWith("ForAnyValue:")) {
            qualifier = SetQualifier.FOR_ANY_VALUE;
            text = text.substring("ForAnyValue:".length());
        }
        boolean ifExists = text.endsWith("IfExists");
        if (ifExists) {
            text = text.substring(0, text.length() - "IfExists".length());
        }
        ConditionOperator op = ConditionOperator.byName(text);
        if (op == ConditionOperator.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new PolicyException("The Null operator takes no IfExists suffix and no set qualifier");
        }
        return new Condition(qualifier, op, ifExists, key, List.copyOf(values));
    }

    boolean holds(RequestContext context) {
        List<String> requestValues = context.get(key);
        boolean missing = requestValues.isEmpty();
        if (operator == ConditionOperator.NULL) {
            return policyValues.stream().anyMatch(v -> Boolean.parseBoolean(v) == missing);
        }
        switch (qualifier) {
            case FOR_ALL_VALUES:
                return missing || requestValues.stream().allMatch(this::valueSatisfies);
            case FOR_ANY_VALUE:
                return !missing && requestValues.stream().anyMatch(this::valueSatisfies);
            default:
                if (missing) {
                    return ifExists || operator.negated;
                }
                return operator.negated
                        ? requestValues.stream().allMatch(this::valueSatisfies)
                        : requestValues.stream().anyMatch(this::valueSatisfies);
        }
    }

    /** Positive operators: the value matches some policy value. Negated ones: it matches none of them. */
    private boolean valueSatisfies(String requestValue) {
        boolean any = policyValues.stream().anyMatch(p -> operator.positiveMatch(requestValue, p));
        return operator.negated ? !any : any;
    }
}
