package dev.secretstore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("secretstore policy")
class PolicyCommandTest {

    @Test
    @DisplayName("a provider without a recommendation is a usage error (exit 2)")
    void noRecommendation() {
        CliRun.Result result = CliRun.run("policy", "local");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(result.err()).contains("no policy recommendation");
    }

    @Test
    @DisplayName("an unknown provider is 'no such provider' (exit 2)")
    void unknownProvider() {
        CliRun.Result result = CliRun.run("policy", "nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE_OR_CONFIG);
        assertThat(result.err()).contains("no such provider: nope");
    }

    @Test
    @DisplayName("options are read as --name value or --name=value")
    void parsesOptions() {
        assertThat(PolicyCommand.parse(List.of("--tag-key", "Team", "--name-prefix=airbyte_")))
                .isEqualTo(Map.of("tag-key", "Team", "name-prefix", "airbyte_"));
    }

    @Test
    @DisplayName("a stray word, a missing value or a repeated option is refused without repeating the word")
    void refusesMalformedOptions() {
        assertThatThrownBy(() -> PolicyCommand.parse(List.of("hunter2")))
                .isInstanceOf(UsageException.class).hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PolicyCommand.parse(List.of("--tag-key")))
                .isInstanceOf(UsageException.class).hasMessageContaining("--tag-key needs a value");
        assertThatThrownBy(() -> PolicyCommand.parse(List.of("--a", "1", "--a", "2")))
                .isInstanceOf(UsageException.class).hasMessageContaining("given twice");
        assertThatThrownBy(() -> PolicyCommand.parse(List.of("--s3cr3t!value")))
                .isInstanceOf(UsageException.class).hasMessageNotContaining("s3cr3t");
    }
}
