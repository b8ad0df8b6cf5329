package dev.secretstore.emulator.azure.internal;

/** Who a verified access token speaks for: tenant, application (client) id and object id. */
public record Caller(String tenantId, String appId, String objectId) {

    /** As the service's 403 messages describe a caller. */
    public String describe() {
        return "appid=" + appId + ";oid=" + objectId + ";iss=https://sts.windows.net/" + tenantId + "/";
    }
}
