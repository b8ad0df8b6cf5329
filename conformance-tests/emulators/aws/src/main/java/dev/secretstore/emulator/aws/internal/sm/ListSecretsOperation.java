package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * ListSecrets with filters, negation, paging, IncludePlannedDeletion, SortBy and SortOrder. Needs
 * secretsmanager:ListSecrets on *. AWS documents the sort key (CreatedDate unless SortBy says otherwise) but not the
 * default direction; the emulator lists ascending unless asked for {@code desc}.
 */
final class ListSecretsOperation implements Operation {
    /**
     * SortBy values. LastAccessedDate sorts by the day the service reports; a secret never read sorts before every
     * read one. Ties fall back to the name.
     */
    private static final Map<String, Comparator<Secret>> SORT_KEYS = Map.of(
            "created-date", Comparator.comparing(Secret::created),
            "last-accessed-date", Comparator.comparing(
                    (Secret s) -> s.lastAccessed() == null ? null : s.lastAccessed().truncatedTo(ChronoUnit.DAYS),
                    Comparator.nullsFirst(Comparator.<Instant>naturalOrder())),
            "last-changed-date", Comparator.comparing(Secret::lastChanged),
            "name", Comparator.comparing(Secret::name));

    @Override
    public ObjectNode handle(OperationContext ctx) {
        JsonFields f = ctx.fields();
        boolean includePlanned = Boolean.TRUE.equals(f.bool("IncludePlannedDeletion"));
        Long max = f.number("MaxResults");
        if (max != null && (max < 1 || max > 100)) {
            throw SecretsManagerErrors.validation("maxResults", max < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 100");
        }
        String sortOrder = f.string("SortOrder");
        if (sortOrder != null && !sortOrder.equals("asc") && !sortOrder.equals("desc")) {
            throw SecretsManagerErrors.validation("sortOrder", "Member must satisfy enum value set: [asc, desc]");
        }
        String sortBy = f.string("SortBy");
        if (sortBy != null && !SORT_KEYS.containsKey(sortBy)) {
            throw SecretsManagerErrors.validation("sortBy", "Member must satisfy enum value set: "
                    + "[created-date, last-accessed-date, last-changed-date, name]");
        }
        List<SecretFilter> filters = SecretFilter.parse(f.node("Filters"));
        int offset = PageToken.decode(f.string("NextToken"));
        ctx.authorizer().require(ctx.principal(), "secretsmanager:ListSecrets", "*",
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()));

        Comparator<Secret> order = SORT_KEYS.get(sortBy == null ? "created-date" : sortBy)
                .thenComparing(Secret::name);
        List<Secret> matching = matching(ctx, filters, includePlanned, "desc".equals(sortOrder) ? order.reversed()
                : order);
        int pageSize = max == null ? 100 : max.intValue();
        int end = Math.min(matching.size(), offset + pageSize);
        ObjectNode response = SecretJson.object();
        ArrayNode list = response.putArray("SecretList");
        for (Secret s : matching.subList(Math.min(offset, matching.size()), end)) {
            list.add(SecretJson.describe(s, "SecretVersionsToStages"));
        }
        if (end < matching.size()) {
            response.put("NextToken", PageToken.encode(end));
        }
        return response;
    }

    static List<Secret> matching(OperationContext ctx, List<SecretFilter> filters, boolean includePlanned,
                                 Comparator<Secret> order) {
        return ctx.repository().all(ctx.accountId(), ctx.region(), ctx.now()).stream()
                .filter(s -> includePlanned || !s.isScheduledForDeletion())
                .filter(s -> SecretFilter.matchesAll(s, filters))
                .sorted(order)
                .toList();
    }

    static Comparator<Secret> byCreation() {
        return SORT_KEYS.get("created-date").thenComparing(Secret::name);
    }
}
