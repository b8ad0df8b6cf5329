package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.util.Comparator;
import java.util.List;

/** ListSecrets with filters, negation, paging and IncludePlannedDeletion. Needs secretsmanager:ListSecrets on *. */
final class ListSecretsOperation implements Operation {

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
        List<SecretFilter> filters = SecretFilter.parse(f.node("Filters"));
        int offset = PageToken.decode(f.string("NextToken"));
        ctx.authorizer().require(ctx.principal(), "secretsmanager:ListSecrets", "*",
                ctx.authorizer().baseContext(ctx.principal(), ctx.region()));

        List<Secret> matching = matching(ctx, filters, includePlanned, "desc".equals(sortOrder));
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
                                 boolean descending) {
        Comparator<Secret> byCreation = Comparator.comparing(Secret::created).thenComparing(Secret::name);
        return ctx.repository().all(ctx.accountId(), ctx.region(), ctx.now()).stream()
                .filter(s -> includePlanned || !s.isScheduledForDeletion())
                .filter(s -> SecretFilter.matchesAll(s, filters))
                .sorted(descending ? byCreation.reversed() : byCreation)
                .toList();
    }
}
