package dev.secretstore.gcp.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import dev.secretstore.support.config.CloudConfigChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The least-privilege setup, as {@code gcloud} commands. IAM conditions on Secret Manager can test the resource's
 * name and type but not its labels, so the boundary is a secret-id prefix (the store's {@code namePrefix}). Secret
 * Manager checks CreateSecret and ListSecrets on the parent (the project, or the location for regional secrets),
 * so the condition also admits that one resource; every call on a secret is checked on the secret's own name.
 * Uses no Google class.
 */
public final class GcpPolicy {

    public static final String PROJECT = "project";
    public static final String SERVICE_ACCOUNT = "service-account";
    public static final String NAME_PREFIX = "name-prefix";
    public static final String REGION = "region";
    public static final String DEFAULT_NAME_PREFIX = "airbyte_";
    static final String ROLE = "roles/secretmanager.admin";
    /** An IAM member's e-mail: no quotes, spaces, '$' or backquotes can reach the printed shell commands. */
    private static final Pattern SERVICE_ACCOUNT_EMAIL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,99}@[A-Za-z0-9.-]{1,253}");

    private GcpPolicy() {
    }

    public static List<ConfigField> options() {
        return List.of(
                ConfigField.builder(PROJECT).required(true).description("the project ID holding the secrets").build(),
                ConfigField.builder(SERVICE_ACCOUNT).required(true)
                        .description("the service account's email, e.g. airbyte@my-project.iam.gserviceaccount.com").build(),
                ConfigField.builder(NAME_PREFIX).defaultValue(DEFAULT_NAME_PREFIX)
                        .description("the store's namePrefix: the account is confined to secrets whose id starts with it").build(),
                ConfigField.builder(REGION).description("the store's region, for regional secrets").build());
    }

    /** The condition expression; {@code projectNumber} is a number or a shell reference such as {@code ${PROJECT_NUMBER}}. */
    static String condition(String projectNumber, String namePrefix, String region, boolean escapeQuotes) {
        String q = escapeQuotes ? "\\\"" : "\"";
        String parent = "projects/" + projectNumber + (region == null ? "" : "/locations/" + region);
        String parentType = region == null ? "cloudresourcemanager.googleapis.com/Project" : "secretmanager.googleapis.com/Location";
        return "resource.name.startsWith(" + q + parent + "/secrets/" + namePrefix + q + ")"
                + " || (resource.type == " + q + parentType + q + " && resource.name == " + q + parent + q + ")";
    }

    /**
     * Every option's value is checked as the store config checks it (a project ID, a namePrefix, a region) before it
     * is printed into shell commands: a value those checks refuse would make commands that break, or run something
     * else, when pasted. Problems name the option and never quote its value.
     *
     * @throws InvalidConfigException naming every malformed option
     */
    public static String commands(Map<String, String> options) {
        List<ConfigProblem> problems = problems(options);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(GcpErrors.PROVIDER, problems);
        }
        String project = options.get(PROJECT);
        String account = options.get(SERVICE_ACCOUNT);
        String prefix = Optional.ofNullable(options.get(NAME_PREFIX)).orElse(DEFAULT_NAME_PREFIX);
        String region = options.get(REGION);
        String shellProject = shellQuote(project);
        return String.join("\n",
                "# Least privilege for secretstore on Google Cloud Secret Manager: project " + project + ", service account "
                        + account + ", secret ids starting with " + prefix + ".",
                "# IAM conditions can test a secret's name but not its labels, so the boundary is the name prefix: put",
                "#   \"namePrefix\": \"" + prefix + "\"" + (region == null ? "" : ", \"region\": \"" + region + "\"")
                        + " in the store config (every secret it writes then starts with it).",
                "# The role is granted on the project with a condition: on secrets whose name starts with the prefix, and on",
                "# the " + (region == null ? "project" : "location") + " itself, where Secret Manager checks CreateSecret and "
                        + "ListSecrets. Other secrets stay out of reach.",
                "PROJECT_NUMBER=\"$(gcloud projects describe " + shellProject + " --format='value(projectNumber)')\"",
                "gcloud services enable secretmanager.googleapis.com --project " + shellProject,
                "gcloud projects add-iam-policy-binding " + shellProject + " \\",
                "  --member=" + shellQuote("serviceAccount:" + account) + " \\",
                "  --role=" + ROLE + " \\",
                "  --condition=\"expression=" + condition("${PROJECT_NUMBER}", prefix, region, true)
                        + ",title=secretstore " + prefix + ",description=secrets whose id starts with " + prefix + "\"",
                "");
    }

    static List<ConfigProblem> problems(Map<String, String> options) {
        List<ConfigProblem> problems = new ArrayList<>();
        CloudConfigChecks.gcpProjectId(StoreConfig.of(GcpErrors.PROVIDER, options, options()), PROJECT)
                .ifPresent(problems::add);
        Optional.ofNullable(options.get(SERVICE_ACCOUNT)).flatMap(v -> ConfigChecks.matches(SERVICE_ACCOUNT, v,
                SERVICE_ACCOUNT_EMAIL, "a service account's e-mail, e.g. airbyte@my-project.iam.gserviceaccount.com"))
                .ifPresent(problems::add);
        Optional.ofNullable(options.get(NAME_PREFIX)).flatMap(v -> ConfigChecks.matches(NAME_PREFIX, v,
                GcpConfigFields.NAME_PREFIX_PATTERN, GcpConfigFields.NAME_PREFIX_EXPECTED)).ifPresent(problems::add);
        Optional.ofNullable(options.get(REGION)).flatMap(v -> ConfigChecks.matches(REGION, v,
                GcpConfigFields.REGION_PATTERN, GcpConfigFields.REGION_EXPECTED)).ifPresent(problems::add);
        return problems;
    }

    public static Optional<String> remediation(VerificationStepKind step) {
        switch (step) {
            case CREATE:
            case DELETE:
            case CONFIRM_TAGS:
                return Optional.of("grant " + ROLE + " on the project with a condition on the name prefix; "
                        + "`secretstore policy gcp --project <id> --service-account <email>` prints the commands");
            case READ_BACK:
                return Optional.of("grant roles/secretmanager.secretAccessor (secretmanager.versions.access), or "
                        + ROLE + " with the condition `secretstore policy gcp` prints");
            default:
                return Optional.empty();
        }
    }

    private static String shellQuote(String s) {
        return s.matches("[A-Za-z0-9@._:-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
