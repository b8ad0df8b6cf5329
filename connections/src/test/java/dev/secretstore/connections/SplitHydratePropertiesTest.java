package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;

/**
 * Generated specs and configs: objects, arrays, additional properties and oneOf/anyOf branches told apart
 * by a {@code const} discriminator, with secret and non-secret strings anywhere. The generator is the
 * oracle: every secret value it puts in a config starts with {@code sv-}, which no other string contains,
 * so the values a split must find are known without asking the code under test.
 */
class SplitHydratePropertiesTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final SecretScope SCOPE = SecretScope.workspace("prop-ws");

    /** A generated schema node. */
    sealed interface Schema permits Text, Num, Obj, Arr, Branches {
        JsonNode toJson();
    }

    record Text(boolean secret) implements Schema {
        public JsonNode toJson() {
            ObjectNode node = JSON.objectNode().put("type", "string");
            return secret ? node.put("airbyte_secret", true) : node;
        }
    }

    record Num() implements Schema {
        public JsonNode toJson() {
            return JSON.objectNode().put("type", "integer");
        }
    }

    record Obj(Map<String, Schema> properties, Optional<Schema> additional) implements Schema {
        public JsonNode toJson() {
            ObjectNode node = JSON.objectNode().put("type", "object");
            ObjectNode props = node.putObject("properties");
            properties.forEach((k, v) -> props.set(k, v.toJson()));
            additional.ifPresent(a -> node.set("additionalProperties", a.toJson()));
            return node;
        }
    }

    record Arr(Schema items) implements Schema {
        public JsonNode toJson() {
            ObjectNode node = JSON.objectNode().put("type", "array");
            node.set("items", items.toJson());
            return node;
        }
    }

    /** Branches {@code b0, b1, ...}, each an object whose {@code kind} is its const. */
    record Branches(String keyword, List<Obj> branches) implements Schema {
        public JsonNode toJson() {
            ObjectNode node = JSON.objectNode().put("type", "object");
            ArrayNode array = node.putArray(keyword);
            for (int i = 0; i < branches.size(); i++) {
                ObjectNode branch = (ObjectNode) branches.get(i).toJson();
                ((ObjectNode) branch.get("properties")).set("kind", JSON.objectNode().put("type", "string").put("const", "b" + i));
                branch.putArray("required").add("kind");
                array.add(branch);
            }
            return node;
        }
    }

    /** A spec, a config that fits it, and the secret values the generator placed. */
    record Sample(JsonNode spec, JsonNode config, List<String> secretValues) {
        @Override
        public String toString() {
            return "spec=" + spec + "\nconfig=" + config;
        }
    }

    // ---- properties ----------------------------------------------------------------------------------

    @Property(tries = 200)
    @Label("split finds exactly the generated secrets, and split then hydrate gives back the original exactly")
    void splitThenHydrateRoundTrips(@ForAll("samples") Sample sample) {
        int count = sample.secretValues().size();
        Statistics.label("secrets per config").collect(count == 0 ? "0" : count < 3 ? "1-2" : "3+");
        Statistics.label("secrets per config").coverage(c -> {
            c.check("3+").percentage(p -> p >= 5);
            c.check("0").percentage(p -> p <= 70);
        });
        Statistics.label("branches").collect(sample.spec().toString().contains("\"const\"") ? "with oneOf/anyOf" : "without");
        Statistics.label("branches").coverage(c -> c.check("with oneOf/anyOf").percentage(p -> p >= 5));
        SplitConfig split = SecretSplitter.split(sample.spec(), sample.config(), SCOPE);
        assertThat(split.secrets()).extracting(s -> s.value().text())
                .containsExactlyInAnyOrderElementsOf(sample.secretValues());
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(sample.spec(), sample.config(), SCOPE);
            assertThat(memory.names()).hasSize(sample.secretValues().size());
            assertThat(secrets.hydrate(saved)).isEqualTo(sample.config());
            assertThat(secrets.hydrate(saved).toString()).isEqualTo(sample.config().toString());
        }
    }

    @Property(tries = 200)
    @Label("no secret value is left in any sanitised or masked config")
    void noSecretLeftBehind(@ForAll("samples") Sample sample) {
        JsonNode sanitised = SecretSplitter.split(sample.spec(), sample.config(), SCOPE).sanitised();
        List<String> texts = new ArrayList<>();
        collectTexts(sanitised, texts);
        collectTexts(ConfigMasker.mask(sample.spec(), sample.config()), texts);
        collectTexts(ConfigMasker.mask(sample.spec(), sanitised), texts);
        assertThat(texts).noneMatch(t -> t.contains("sv-"));
    }

    @Property(tries = 100)
    @Label("update with no change writes nothing: neither with the values sent again nor with the mask")
    void updateWithoutChangeWritesNothing(@ForAll("samples") Sample sample) {
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(sample.spec(), sample.config(), SCOPE);
            int writes = memory.writes.get();
            PreparedUpdate same = secrets.prepareUpdate(sample.spec(), saved, sample.config(), SCOPE);
            assertThat(memory.writes.get()).isEqualTo(writes);
            assertThat(same.isNoop()).isTrue();
            assertThat(same.config()).isEqualTo(saved);

            int requests = memory.requests();
            PreparedUpdate masked = secrets.prepareUpdate(sample.spec(), saved, ConfigMasker.mask(sample.spec(), sample.config()), SCOPE);
            assertThat(memory.requests()).as("masks need no request at all").isEqualTo(requests);
            assertThat(masked.isNoop()).isTrue();
            assertThat(secrets.hydrate(masked.config())).isEqualTo(sample.config());
        }
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual()) {
            texts.add(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                texts.add(field.getKey());
                collectTexts(field.getValue(), texts);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectTexts(child, texts));
        }
    }

    // ---- generators ----------------------------------------------------------------------------------

    @Provide
    Arbitrary<Sample> samples() {
        return obj(2).flatMap(schema -> config(schema).map(config -> {
            ObjectNode spec = JSON.objectNode();
            spec.set("connectionSpecification", schema.toJson());
            List<String> secrets = new ArrayList<>();
            collectSecretValues(config, secrets);
            return new Sample(spec, config, secrets);
        }));
    }

    private static void collectSecretValues(JsonNode node, List<String> out) {
        if (node.isTextual() && node.textValue().startsWith("sv-")) {
            out.add(node.textValue());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectSecretValues(child, out));
        }
    }

    private Arbitrary<Schema> schema(int depth) {
        Arbitrary<Schema> leaves = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new Text(true))),
                Tuple.of(2, Arbitraries.just(new Text(false))), Tuple.of(1, Arbitraries.just(new Num())));
        if (depth == 0) {
            return leaves;
        }
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaves),
                Tuple.of(2, Arbitraries.lazy(() -> obj(depth - 1)).map(o -> (Schema) o)),
                Tuple.of(1, Arbitraries.lazy(() -> schema(depth - 1)).map(Arr::new)),
                Tuple.of(1, Arbitraries.lazy(() -> branches(depth - 1))));
    }

    private Arbitrary<Obj> obj(int depth) {
        Arbitrary<List<String>> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5)
                .map(s -> "p" + s).list().uniqueElements().ofMinSize(1).ofMaxSize(4);
        Arbitrary<Optional<Schema>> additional = Arbitraries.lazy(() -> schema(Math.max(0, depth - 1))).optional(0.2);
        return names.flatMap(ns -> Combinators.combine(schema(depth).list().ofSize(ns.size()), additional).as((schemas, extra) -> {
            Map<String, Schema> properties = new LinkedHashMap<>();
            for (int i = 0; i < ns.size(); i++) {
                properties.put(ns.get(i), schemas.get(i));
            }
            return new Obj(properties, extra);
        }));
    }

    private Arbitrary<Schema> branches(int depth) {
        return Combinators.combine(Arbitraries.of("oneOf", "anyOf"), obj(depth).list().ofMinSize(1).ofMaxSize(3))
                .as(Branches::new);
    }

    private Arbitrary<JsonNode> config(Schema schema) {
        if (schema instanceof Text text) {
            return text.secret() ? secretValues() : Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8).map(JSON::textNode);
        }
        if (schema instanceof Num) {
            return Arbitraries.integers().map(JSON::numberNode);
        }
        if (schema instanceof Arr arr) {
            return config(arr.items()).list().ofMaxSize(3).map(items -> {
                ArrayNode array = JSON.arrayNode();
                items.forEach(array::add);
                return array;
            });
        }
        if (schema instanceof Branches b) {
            return Arbitraries.integers().between(0, b.branches().size() - 1).flatMap(i -> objectConfig(b.branches().get(i))
                    .map(node -> {
                        ObjectNode withKind = JSON.objectNode().put("kind", "b" + i);
                        withKind.setAll((ObjectNode) node);
                        return withKind;
                    }));
        }
        return objectConfig((Obj) schema);
    }

    private Arbitrary<JsonNode> objectConfig(Obj obj) {
        List<Arbitrary<Optional<Map.Entry<String, JsonNode>>>> fields = new ArrayList<>();
        obj.properties().forEach((name, sub) -> fields.add(config(sub).map(v -> Map.entry(name, v)).optional(0.8)));
        obj.additional().ifPresent(extra -> {
            for (int i = 0; i < 2; i++) {
                String name = "extra" + i;
                fields.add(config(extra).map(v -> Map.entry(name, v)).optional(0.5));
            }
        });
        if (fields.isEmpty()) {
            return Arbitraries.just(JSON.objectNode());
        }
        return Combinators.combine(fields).as(entries -> {
            ObjectNode node = JSON.objectNode();
            entries.forEach(e -> e.ifPresent(entry -> node.set(entry.getKey(), entry.getValue())));
            return node;
        });
    }

    /** Quotes, backslashes, newlines, non-ASCII: anything a password can hold, marked by its sv- prefix. */
    private static Arbitrary<JsonNode> secretValues() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\n', '\t', '"', '\\')
                .ofMinLength(0).ofMaxLength(24).map(s -> JSON.textNode("sv-" + s));
    }
}
