package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SecretValue")
class SecretValueTest {

    private static final String CANARY = "canary-Zx81-value";

    @Test
    @DisplayName("never shows its content in toString")
    void redactsToString() {
        assertThat(SecretValue.ofText(CANARY).toString()).isEqualTo("SecretValue[*** redacted ***]");
        assertThat(SecretValue.ofBytes(CANARY.getBytes(StandardCharsets.UTF_8)).toString()).doesNotContain(CANARY);
    }

    @Test
    @DisplayName("round-trips multi-byte text and reports its UTF-8 size")
    void text() {
        SecretValue v = SecretValue.ofText("pässwörd 🔑");
        assertThat(v.isText()).isTrue();
        assertThat(v.text()).isEqualTo("pässwörd 🔑");
        assertThat(v.size()).isEqualTo("pässwörd 🔑".getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    @DisplayName("copies bytes in and out, so callers cannot change it")
    void copies() {
        byte[] input = {1, 2, 3};
        SecretValue v = SecretValue.ofBytes(input);
        input[0] = 9;
        byte[] out = v.bytes();
        out[1] = 9;
        assertThat(v.bytes()).containsExactly(1, 2, 3);
        assertThat(v.isText()).isFalse();
    }

    @Test
    @DisplayName("destroy zeroes the bytes it holds and blocks later access")
    void destroyZeroes() throws Exception {
        SecretValue v = SecretValue.ofText(CANARY);
        v.destroy();
        assertThat(v.isDestroyed()).isTrue();
        Field f = SecretValue.class.getDeclaredField("bytes");
        f.setAccessible(true);
        assertThat((byte[]) f.get(v)).containsOnly(0);
        assertThatThrownBy(v::text).isInstanceOf(IllegalStateException.class).hasMessageNotContaining(CANARY);
        assertThatThrownBy(v::bytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("equals compares content; hashCode depends on size only")
    void equality() {
        assertThat(SecretValue.ofText("abc")).isEqualTo(SecretValue.ofBytes("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(SecretValue.ofText("abc")).isNotEqualTo(SecretValue.ofText("abd"));
        assertThat(SecretValue.ofText("abc").hashCode()).isEqualTo(SecretValue.ofText("xyz").hashCode());
    }

    @Test
    @DisplayName("Secret and ReadResult redact the value too")
    void holdersRedact() {
        Secret s = Secret.of(SecretName.of("db/password"), "1", SecretValue.ofText(CANARY));
        assertThat(s.toString()).contains("db/password").contains("*** redacted ***").doesNotContain(CANARY);
        assertThat(ReadResult.of(s).toString()).doesNotContain(CANARY);
    }
}
