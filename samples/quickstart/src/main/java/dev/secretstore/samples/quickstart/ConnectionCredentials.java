package dev.secretstore.samples.quickstart;

import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a data platform keeps for one connection: who to log in as, the password, and the full connector
 * config as a JSON document. Each becomes one secret under {@code quickstart/connections/<id>/}.
 *
 * @param connectionId the connection's id, used in the secret names
 * @param username     database user
 * @param password     database password
 */
record ConnectionCredentials(String connectionId, String username, String password) {

    /** A demo connection with a freshly generated password (printed nowhere). */
    static ConnectionCredentials example() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new ConnectionCredentials("postgres-prod", "airbyte", Base64.getEncoder().encodeToString(random));
    }

    String prefix() {
        return "quickstart/connections/" + connectionId + "/";
    }

    Map<SecretName, SecretValue> asSecrets() {
        Map<SecretName, SecretValue> secrets = new LinkedHashMap<>();
        secrets.put(SecretName.of(prefix() + "username"), SecretValue.ofText(username));
        secrets.put(SecretName.of(prefix() + "password"), SecretValue.ofText(password));
        secrets.put(SecretName.of(prefix() + "config"), SecretValue.ofText(
                "{\"host\": \"db.internal\", \"port\": 5432, \"database\": \"analytics\", \"username\": \""
                        + username + "\", \"password\": \"" + password + "\"}"));
        return secrets;
    }

    @Override
    public String toString() {
        return "ConnectionCredentials[" + connectionId + ", username=" + username + ", password=***]";
    }
}
