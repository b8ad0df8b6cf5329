package dev.secretstore;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Description of an installed provider, as listed by {@link SecretStores#installedProviders()}.
 * Building it constructs no cloud client.
 *
 * <pre>{@code
 * for (ProviderInfo p : SecretStores.installedProviders()) {
 *     System.out.println(p.name() + " " + p.version() + ": " + p.description());
 * }
 * }</pre>
 */
public final class ProviderInfo {

    private final String name;
    private final String type;
    private final String description;
    private final String version;
    private final Set<Capability> capabilities;
    private final List<ConfigField> configFields;
    private final String shapeDescription;
    private final String source;

    private ProviderInfo(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = b.type == null ? b.name : b.type;
        this.description = b.description == null ? "" : b.description;
        this.version = b.version == null ? "unknown" : b.version;
        this.capabilities = b.capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.capabilities));
        this.configFields = List.copyOf(b.configFields);
        this.shapeDescription = b.shapeDescription == null ? this.name : b.shapeDescription;
        this.source = b.source;
    }

    /**

     * @param name provider name

     * @return a builder

     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the unique provider name, e.g. "aws" */
    public String name() {
        return name;
    }

    /** @return the store type it implements, e.g. "aws" */
    public String type() {
        return type;
    }

    /** @return one line about the provider */
    public String description() {
        return description;
    }

    /** @return the provider version */
    public String version() {
        return version;
    }

    /** @return declared capabilities, unmodifiable */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**

     * @param capability a capability

     * @return whether declared

     */
    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    /** @return the config fields, unmodifiable */
    public List<ConfigField> configFields() {
        return configFields;
    }

    /**

     * @param name field name

     * @return the field, if declared

     */
    public Optional<ConfigField> configField(String name) {
        return configFields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** @return how a config of this provider is recognised, e.g. "aws: auth_type + awsRegion" */
    public String shapeDescription() {
        return shapeDescription;
    }

    /** @return the jar or directory the provider was loaded from, if known */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public String toString() {
        return "ProviderInfo[" + name + (type.equals(name) ? "" : " (type " + type + ")") + " " + version
                + ", capabilities=" + capabilities + "]";
    }

    /** Builder of {@link ProviderInfo}. */
    public static final class Builder {
        private final String name;
        private String type;
        private String description;
        private String version;
        private Set<Capability> capabilities = Set.of();
        private List<ConfigField> configFields = List.of();
        private String shapeDescription;
        private String source;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /**

         * @param type store type

         * @return this

         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**

         * @param description one line

         * @return this

         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**

         * @param version version

         * @return this

         */
        public Builder version(String version) {
            this.version = version;
            return this;
        }

        /**

         * @param capabilities capabilities

         * @return this

         */
        public Builder capabilities(Set<Capability> capabilities) {
            this.capabilities = Set.copyOf(capabilities);
            return this;
        }

        /**

         * @param configFields config fields

         * @return this

         */
        public Builder configFields(List<ConfigField> configFields) {
            this.configFields = List.copyOf(configFields);
            return this;
        }

        /**

         * @param shapeDescription shape description

         * @return this

         */
        public Builder shapeDescription(String shapeDescription) {
            this.shapeDescription = shapeDescription;
            return this;
        }

        /**

         * @param source jar or directory

         * @return this

         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** @return the info */
        public ProviderInfo build() {
            return new ProviderInfo(this);
        }
    }
}
