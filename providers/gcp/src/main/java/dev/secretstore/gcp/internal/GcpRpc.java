package dev.secretstore.gcp.internal;

/**
 * The Secret Manager methods this provider calls, with the IAM permission each needs and the narrowest
 * predefined role that carries it (Secret Manager's access-control page), for denial messages.
 */
enum GcpRpc {
    CREATE_SECRET("CreateSecret", "secretmanager.secrets.create", "roles/secretmanager.admin"),
    ADD_VERSION("AddSecretVersion", "secretmanager.versions.add", "roles/secretmanager.secretVersionAdder"),
    ACCESS_VERSION("AccessSecretVersion", "secretmanager.versions.access", "roles/secretmanager.secretAccessor"),
    GET_SECRET("GetSecret", "secretmanager.secrets.get", "roles/secretmanager.viewer"),
    GET_VERSION("GetSecretVersion", "secretmanager.versions.get", "roles/secretmanager.viewer"),
    LIST_VERSIONS("ListSecretVersions", "secretmanager.versions.list", "roles/secretmanager.viewer"),
    LIST_SECRETS("ListSecrets", "secretmanager.secrets.list", "roles/secretmanager.viewer"),
    UPDATE_SECRET("UpdateSecret", "secretmanager.secrets.update", "roles/secretmanager.admin"),
    DELETE_SECRET("DeleteSecret", "secretmanager.secrets.delete", "roles/secretmanager.admin");

    private final String method;
    private final String permission;
    private final String role;

    GcpRpc(String method, String permission, String role) {
        this.method = method;
        this.permission = permission;
        this.role = role;
    }

    String method() {
        return method;
    }

    String permission() {
        return permission;
    }

    String role() {
        return role;
    }
}
