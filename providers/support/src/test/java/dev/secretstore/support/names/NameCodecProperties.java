package dev.secretstore.support.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The codecs' laws on generated names, for each of the three clouds, with and without a prefix. */
class NameCodecProperties {

    static final Pattern AWS = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    static final Pattern AZURE = Pattern.compile("[0-9A-Za-z-]{1,127}");
    static final Pattern GCP = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    @Provide
    Arbitrary<NameCodec> codecs() {
        return Arbitraries.of(NameCodecs.aws(), NameCodecs.azure(), NameCodecs.gcp(),
                NameCodecs.aws().withPrefix("airbyte/"), NameCodecs.azure().withPrefix("airbyte-"),
                NameCodecs.gcp().withPrefix("airbyte_"), NameCodecs.gcp().withPrefix("ab-"));
    }

    @Provide
    Arbitrary<SecretName> names() {
        return PortableNames.any();
    }

    @Provide
    Arbitrary<SecretName> shortNames() {
        return PortableNames.shortNames();
    }

    static Pattern alphabetOf(NameCodec codec) {
        switch (codec.targetName()) {
            case "AWS Secrets Manager":
                return AWS;
            case "Azure Key Vault":
                return AZURE;
            default:
                return GCP;
        }
    }

    static String comparable(NameCodec codec, String nativeName) {
        return codec.caseInsensitiveTarget() ? nativeName.toLowerCase(Locale.ROOT) : nativeName;
    }

    @Property(tries = 2000)
    void encodingIsInTheNativeAlphabetAndLengthOrRefusedStatingTheMaximum(@ForAll("codecs") NameCodec codec,
                                                                         @ForAll("names") SecretName name) {
        if (codec.fits(name)) {
            String nativeName = codec.encode(name);
            assertThat(nativeName).matches(alphabetOf(codec)).startsWith(codec.prefix());
            assertThat(nativeName.length()).isLessThanOrEqualTo(codec.maxNativeLength());
        } else {
            InvalidSecretNameException e = catchThrowableOfType(InvalidSecretNameException.class,
                    () -> codec.encode(name));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("at most " + codec.maxPortableLength() + " portable characters fit")
                    .contains("over the limit of " + codec.maxNativeLength());
            assertThat(e.secretName()).contains(name);
        }
    }

    @Property(tries = 2000)
    void decodingReversesEncoding(@ForAll("codecs") NameCodec codec, @ForAll("names") SecretName name) {
        if (codec.fits(name)) {
            assertThat(codec.decode(codec.encode(name))).contains(name);
        }
    }

    @Property(tries = 2000)
    void aCaseInsensitiveStoreGivesTheSameNameBackWhateverCaseItReportsIn(@ForAll("codecs") NameCodec codec,
                                                                         @ForAll("shortNames") SecretName name) {
        if (codec.caseInsensitiveTarget()) {
            String nativeName = codec.encode(name);
            assertThat(codec.decode(nativeName.toUpperCase(Locale.ROOT))).contains(name);
        }
    }

    @Property(tries = 2000)
    void distinctNamesHaveDistinctNativeNames(@ForAll("codecs") NameCodec codec, @ForAll("shortNames") SecretName a,
                                              @ForAll("shortNames") SecretName b) {
        if (!a.equals(b)) {
            assertThat(comparable(codec, codec.encode(a))).isNotEqualTo(comparable(codec, codec.encode(b)));
        }
    }

    @Property(tries = 3000)
    void nearNeighboursHaveDistinctNativeNames(@ForAll("codecs") NameCodec codec, @ForAll("shortNames") SecretName a,
                                               @ForAll int seed) {
        String neighbour = PortableNames.neighbour(a.value(), seed);
        if (SecretName.isValid(neighbour) && !neighbour.equals(a.value())) {
            SecretName b = SecretName.of(neighbour);
            assertThat(comparable(codec, codec.encode(a))).as("%s vs %s", a, b)
                    .isNotEqualTo(comparable(codec, codec.encode(b)));
        }
    }

    @Provide
    Arbitrary<String> nativeNames() {
        return Arbitraries.strings().withChars("aAkKqQxXzZdDuU09-_-_/.+=@-".toCharArray()).ofMinLength(1).ofMaxLength(60)
                .injectDuplicates(0.0);
    }

    @Property(tries = 3000)
    void onlyTheEncodingOfANameDecodesToIt(@ForAll("codecs") NameCodec codec, @ForAll("nativeNames") String body) {
        String nativeName = codec.prefix() + body;
        Optional<SecretName> decoded = codec.decode(nativeName);
        // What decodes is exactly the encoding of what it decodes to: no two native names alias one name
        // (on a case-insensitive cloud, two spellings of one native name are the same secret anyway).
        decoded.ifPresent(n -> assertThat(comparable(codec, codec.encode(n))).isEqualTo(comparable(codec, nativeName)));
    }

    @Property(tries = 1000)
    void aNameWithoutThePrefixIsNotDecoded(@ForAll("shortNames") SecretName name) {
        NameCodec prefixed = NameCodecs.gcp().withPrefix("airbyte_");
        String unprefixed = NameCodecs.gcp().encode(name);
        if (!unprefixed.startsWith("airbyte_")) {
            assertThat(prefixed.decode(unprefixed)).isEmpty();
        }
        assertThat(prefixed.encode(name)).isEqualTo("airbyte_" + unprefixed);
    }

    @Property(tries = 1000)
    void namesUpToTheGuaranteedLengthAlwaysFit(@ForAll("codecs") NameCodec codec, @ForAll("names") SecretName name) {
        if (name.value().length() <= codec.maxPortableLengthAnyCharacters()) {
            assertThat(codec.fits(name)).isTrue();
        }
        if (name.value().length() > codec.maxPortableLength()) {
            assertThat(codec.fits(name)).isFalse();
        }
    }
}
