package dev.secretstore.support.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("NameCodecs")
class NameCodecsTest {

    static final String WORKSPACE = "8f14e45f-ceea-467a-9575-8c2b0f0e7b1d";
    static final String SECRET = "c9f0f895-fb98-4ab8-b2a1-d1e9a8f4e2c7";
    static final SecretName AIRBYTE = SecretName.of("airbyte_workspace_" + WORKSPACE + "_secret_" + SECRET + "_v1");

    @Nested
    @DisplayName("AWS")
    class Aws {
        final NameCodec codec = NameCodecs.aws();

        @Test
        @DisplayName("an Airbyte coordinate is its own native name")
        void airbyteCoordinate() {
            assertThat(codec.encode(AIRBYTE)).isEqualTo(AIRBYTE.value());
            assertThat(codec.decode(AIRBYTE.value())).contains(AIRBYTE);
        }

        @Test
        @DisplayName("every portable name passes through; names with + = @ are foreign")
        void passThrough() {
            assertThat(codec.encode(SecretName.of("connections/pg-prod/DB_PASSWORD.v2")))
                    .isEqualTo("connections/pg-prod/DB_PASSWORD.v2");
            assertThat(codec.decode("rds!cluster-1")).isEmpty();
            assertThat(codec.decode("team+ops@example")).isEmpty();
            assertThat(codec.decode("/leading-slash")).isEmpty();
            assertThat(codec.caseInsensitiveTarget()).isFalse();
            assertThat(codec.maxPortableLength()).isEqualTo(255);
            assertThat(codec.maxPortableLengthAnyCharacters()).isEqualTo(255);
        }
    }

    @Nested
    @DisplayName("Azure")
    class Azure {
        final NameCodec codec = NameCodecs.azure();

        @Test
        @DisplayName("an Airbyte coordinate stays readable: '_' becomes '--', the UUIDs' dashes stay")
        void airbyteCoordinate() {
            String expected = "airbyte--workspace--" + WORKSPACE + "--secret--" + SECRET + "--v1";
            assertThat(codec.encode(AIRBYTE)).isEqualTo(expected).hasSize(106);
            assertThat(codec.decode(expected)).contains(AIRBYTE);
            assertThat(codec.decode(expected.toUpperCase(Locale.ROOT))).as("as a vault might report it").contains(AIRBYTE);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "db-password, db-password",
                "DB_PASSWORD, -kd-kb---kp-ka-ks-ks-kw-ko-kr-kd",
                "db_password, db--password",
                "connections/pg-prod/password, connections-xpg-prod-xpassword",
                "app.config, app-qconfig",
                "a-_b, a-z--b",
                "eu-west-1, eu-west-1",
                "a-x, a-zx",
                "a-k9, a-zk9",
        })
        @DisplayName("the mapping table")
        void table(String portable, String nativeName) {
            assertThat(codec.encode(SecretName.of(portable))).isEqualTo(nativeName);
            assertThat(codec.decode(nativeName)).contains(SecretName.of(portable));
        }

        @Test
        @DisplayName("names differing only in case have native names that differ ignoring case")
        void caseInsensitiveInjective() {
            String upper = codec.encode(SecretName.of("DB_PASSWORD"));
            String lower = codec.encode(SecretName.of("db_password"));
            assertThat(upper).isNotEqualToIgnoringCase(lower);
            assertThat(codec.caseInsensitiveTarget()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"my_secret", "-k", "a-k", "a-k9", "-", "a-", "name-zb", "a--", "trailing-"})
        @DisplayName("native names no portable name encodes to are foreign")
        void foreign(String nativeName) {
            assertThat(codec.decode(nativeName)).isEmpty();
        }

        @Test
        @DisplayName("limits: 127 native characters; up to 127 portable characters fit, 42 whatever the characters")
        void limits() {
            assertThat(codec.maxNativeLength()).isEqualTo(127);
            assertThat(codec.maxPortableLength()).isEqualTo(127);
            assertThat(codec.maxPortableLengthAnyCharacters()).isEqualTo(42);
            assertThat(codec.fits(SecretName.of("a".repeat(127)))).isTrue();
            assertThat(codec.fits(SecretName.of("A".repeat(42)))).isTrue();
            assertThat(codec.fits(SecretName.of("A".repeat(43)))).isFalse();
        }
    }

    @Nested
    @DisplayName("GCP")
    class Gcp {
        final NameCodec codec = NameCodecs.gcp();

        @Test
        @DisplayName("an Airbyte coordinate is its own native name")
        void airbyteCoordinate() {
            assertThat(codec.encode(AIRBYTE)).isEqualTo(AIRBYTE.value());
            assertThat(codec.decode(AIRBYTE.value())).contains(AIRBYTE);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "DB_PASSWORD, DB_PASSWORD",
                "connections/pg-prod/password, connections__pg-prod__password",
                "app.config, app_-dconfig",
                "a_-b, a_-u-b",
                "a__b, a_-u_b",
                "a_/b, a_-u__b",
                "a_.b, a_-u_-db",
                "a/_b, a___b",
        })
        @DisplayName("the mapping table")
        void table(String portable, String nativeName) {
            assertThat(codec.encode(SecretName.of(portable))).isEqualTo(nativeName);
            assertThat(codec.decode(nativeName)).contains(SecretName.of(portable));
        }

        @ParameterizedTest
        @ValueSource(strings = {"a_-ub", "a_-x", "a_-", "trailing_", "_leading", "a___", "with.dot", "a_-db_"})
        @DisplayName("native names no portable name encodes to are foreign")
        void foreign(String nativeName) {
            assertThat(codec.decode(nativeName)).isEmpty();
        }

        @Test
        @DisplayName("limits: 255 native characters; up to 255 portable characters fit, 86 whatever the characters")
        void limits() {
            assertThat(codec.maxPortableLength()).isEqualTo(255);
            assertThat(codec.maxPortableLengthAnyCharacters()).isEqualTo(86);
            assertThat(codec.fits(SecretName.of("a" + "_.".repeat(42) + "a"))).isTrue();
            assertThat(codec.fits(SecretName.of("a" + "_.".repeat(43) + "a"))).isFalse();
        }
    }

    @Nested
    @DisplayName("a name that does not fit")
    class TooLong {

        @Test
        @DisplayName("is refused before any I/O, the message stating the maximum in portable characters")
        void refused() {
            SecretName name = SecretName.of("connections/" + "Pg_".repeat(30) + "password");
            InvalidSecretNameException e = catchThrowableOfType(InvalidSecretNameException.class,
                    () -> NameCodecs.azure().withPrefix("airbyte-").encode(name));

            assertThat(e.secretName()).contains(name);
            assertThat(e.getMessage()).contains("its Azure Key Vault name would be 209 characters (with the prefix 'airbyte-')",
                    "over the limit of 127", "at most 119 portable characters fit",
                    "capital letters (3 each)", "any name of at most 39 characters fits");
            assertThat(e.remediation()).contains("use a shorter name, or fewer of the characters that take an escape");
        }

        @Test
        @DisplayName("on AWS only a long prefix can make a portable name too long")
        void awsPrefix() {
            NameCodec codec = NameCodecs.aws().withPrefix("p/".repeat(150));
            assertThat(codec.maxPortableLength()).isEqualTo(212);
            assertThatThrownBy(() -> codec.encode(SecretName.of("a".repeat(213))))
                    .isInstanceOf(InvalidSecretNameException.class)
                    .hasMessageContaining("at most 212 portable characters fit");
            assertThat(codec.encode(SecretName.of("a".repeat(212)))).hasSize(512);
        }
    }

    @Nested
    @DisplayName("prefixes")
    class Prefixes {

        @Test
        @DisplayName("start every native name; decode strips them and refuses names without them")
        void prefix() {
            NameCodec codec = NameCodecs.gcp().withPrefix("airbyte-");
            assertThat(codec.prefix()).isEqualTo("airbyte-");
            assertThat(codec.encode(AIRBYTE)).isEqualTo("airbyte-" + AIRBYTE.value());
            assertThat(codec.decode("airbyte-" + AIRBYTE.value())).contains(AIRBYTE);
            assertThat(codec.decode(AIRBYTE.value())).isEmpty();
            assertThat(codec.decode("airbyte-")).isEmpty();
            assertThat(codec.maxPortableLength()).isEqualTo(247);
        }

        @Test
        @DisplayName("replace the codec's prefix; an empty one means none")
        void replaced() {
            NameCodec codec = NameCodecs.gcp().withPrefix("a-").withPrefix("b-");
            assertThat(codec.encode(SecretName.of("x"))).isEqualTo("b-x");
            assertThat(codec.withPrefix("").encode(SecretName.of("x"))).isEqualTo("x");
        }

        @Test
        @DisplayName("on Azure match ignoring case, as the vault does")
        void azurePrefixIgnoresCase() {
            NameCodec codec = NameCodecs.azure().withPrefix("Airbyte-");
            assertThat(codec.decode("AIRBYTE-db--password")).contains(SecretName.of("db_password"));
        }

        @ParameterizedTest
        @CsvSource({"azure, airbyte_", "azure, air.byte", "gcp, airbyte/", "gcp, air byte", "aws, air byte", "aws, näme"})
        @DisplayName("are refused when the cloud does not allow their characters")
        void invalidPrefix(String cloud, String prefix) {
            NameCodec codec = cloud.equals("aws") ? NameCodecs.aws() : cloud.equals("azure") ? NameCodecs.azure() : NameCodecs.gcp();
            assertThatThrownBy(() -> codec.withPrefix(prefix))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("may contain only");
        }

        @Test
        @DisplayName("are refused when they leave no room for a name")
        void tooLongPrefix() {
            assertThatThrownBy(() -> NameCodecs.azure().withPrefix("a".repeat(127)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shorter than 127");
        }
    }
}
