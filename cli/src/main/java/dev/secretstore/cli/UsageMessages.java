package dev.secretstore.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Words usage errors without repeating what the user typed: an argument may be a secret typed in the wrong
 * place, so errors name the option and the expected form, never the value.
 */
final class UsageMessages {

    private UsageMessages() {
    }

    /** {@code option '--recovery-days'} or {@code 'NAME'}. */
    static String describe(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            return "option '" + option.longestName() + "'";
        }
        return "'" + spec.paramLabel() + "'";
    }

    /** The form a value must have, from the option's type: "a whole number", "true or false", ... */
    static String expected(ArgSpec spec) {
        Class<?> type = spec.type();
        if (java.util.Map.class.isAssignableFrom(type)) {
            return spec.paramLabel() + " (KEY=VALUE)";
        }
        if ((type.isArray() || java.util.Collection.class.isAssignableFrom(type)) && spec.auxiliaryTypes().length > 0) {
            type = spec.auxiliaryTypes()[0];
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number (at most " + Integer.MAX_VALUE + ")";
        }
        if (type == long.class || type == Long.class) {
            return "a whole number (at most " + Long.MAX_VALUE + ")";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Path.class) {
            return "a file path";
        }
        if (type == Duration.class) {
            return "a duration such as PT30S";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        return spec.paramLabel();
    }

    /** Drops single-quoted fragments of a picocli message that are not option names (they may be values). */
    static String withoutQuotedValues(String message) {
        return message.replaceAll("'(?!-)[^']*'", "(a value, not repeated here)");
    }
}
