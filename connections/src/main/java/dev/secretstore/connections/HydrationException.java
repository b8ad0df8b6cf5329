package dev.secretstore.connections;

import dev.secretstore.SecretStoreException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Hydration failed: every reference that could not be read is listed at once, with its JSON path, and no
 * partial config is returned. The message names paths and coordinates, never a value.
 */
public final class HydrationException extends SecretStoreException {

    private static final long serialVersionUID = 1L;

    private final transient List<HydrationProblem> problems;

    /** @param problems every reference that could not be read */
    public HydrationException(List<HydrationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<HydrationProblem> problems) {
        return problems.size() + (problems.size() == 1 ? " secret reference" : " secret references")
                + " could not be read, so no config was hydrated: "
                + problems.stream().map(HydrationProblem::toString).collect(Collectors.joining("; "));
    }

    /** @return every reference that could not be read */
    public List<HydrationProblem> problems() {
        return problems;
    }

    @Override
    protected String kind() {
        return "hydration failed";
    }
}
