package dev.secretstore;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A store configuration is malformed. Lists every problem at once (field + expectation), never a
 * value of a secret field.
 *
 * <pre>{@code
 * catch (InvalidConfigException e) {
 *     e.problems().forEach(p -> System.err.println(p.field() + ": " + p.message()));
 * }
 * }</pre>
 */
public class InvalidConfigException extends SecretStoreException {

    private final List<ConfigProblem> problems;

    /**
     * @param provider provider name, may be {@code null}
     * @param problems the problems found; at least one
     */
    public InvalidConfigException(String provider, List<ConfigProblem> problems) {
        super(provider, Operation.OPEN, null, describe(problems), fixHint(problems), null);
        this.problems = List.copyOf(problems);
    }

    /** @param problems the problems found */
    public InvalidConfigException(List<ConfigProblem> problems) {
        this(null, problems);
    }

    /** @return every problem found, in field order */
    public List<ConfigProblem> problems() {
        return problems;
    }

    @Override
    protected String kind() {
        return "invalid config";
    }

    private static String describe(List<ConfigProblem> problems) {
        String list = problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; "));
        return problems.size() == 1 ? list : problems.size() + " problems: " + list;
    }

    private static String fixHint(List<ConfigProblem> problems) {
        return problems.isEmpty() ? null : "correct the fields listed and retry";
    }
}
