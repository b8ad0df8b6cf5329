// Drives the Key Vault emulator through the Azure SDK for JavaScript and prints one JSON object with each step's
// outcome (statuses, error codes, hashes of values; never a value or a credential) for JavaScriptSdkTest to assert.
// Inputs (environment): KV_VAULT_URL, KV_AUTHORITY_HOST, KV_TENANT_ID, KV_OFFICER_CLIENT_ID,
// KV_OFFICER_CLIENT_SECRET, KV_USER_CLIENT_ID, KV_USER_CLIENT_SECRET, KV_UNKNOWN_TENANT_ID, KV_NAME_PREFIX,
// KV_VALUE_1, KV_VALUE_2.
// The emulator's certificate is trusted through NODE_EXTRA_CA_CERTS, as any Node program would do it.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { ClientSecretCredential } from "@azure/identity";
import { SecretClient } from "@azure/keyvault-secrets";

const env = (name) => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`missing environment variable ${name}`);
  }
  return value;
};

const vaultUrl = env("KV_VAULT_URL");
const authorityHost = env("KV_AUTHORITY_HOST");
const tenantId = env("KV_TENANT_ID");
const prefix = env("KV_NAME_PREFIX");
const value1 = env("KV_VALUE_1");
const value2 = env("KV_VALUE_2");

const sha256 = (text) => (text === undefined ? null : createHash("sha256").update(text, "utf8").digest("hex"));
const packageVersion = (name) =>
  JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url), "utf8")).version;

// Every request the SDK sends, so the Java side can see which api-version(s) the JS SDK really used.
const sent = [];
const recordRequests = {
  name: "recordRequests",
  async sendRequest(request, next) {
    const url = new URL(request.url);
    sent.push({ method: request.method, path: url.pathname, apiVersion: url.searchParams.get("api-version") });
    return next(request);
  },
};

function credential(clientId, clientSecret) {
  return new ClientSecretCredential(tenantId, clientId, clientSecret, {
    authorityHost,
    // MSAL would otherwise ask the public cloud's instance-discovery endpoint about the emulator's host.
    disableInstanceDiscovery: true,
  });
}

function secretClient(cred) {
  return new SecretClient(vaultUrl, cred, {
    // The vault is not on *.vault.azure.net, so the challenge's resource cannot match the vault's domain.
    disableChallengeResourceVerification: true,
    // One call, one request: an error status is reported as the emulator gave it, never after a retry.
    retryOptions: { maxRetries: 0 },
    additionalPolicies: [{ policy: recordRequests, position: "perCall" }],
  });
}

function describeError(error) {
  const described = {
    ok: false,
    errorName: error?.name ?? null,
    status: error?.statusCode ?? null,
    code: error?.code ?? null,
    innerCode: error?.details?.error?.innerError?.code ?? error?.details?.error?.innererror?.code ?? null,
  };
  if (error?.cause) {
    // @azure/identity wraps MSAL's error (e.g. a ServerError carrying Entra's `error` and HTTP status).
    described.causeName = error.cause.name ?? null;
    described.causeErrorCode = error.cause.errorCode ?? null;
    described.causeStatus = error.cause.status ?? null;
  }
  const message = String(error?.message ?? "");
  described.aadsts = (message.match(/AADSTS\d+/) ?? [null])[0];
  described.messageMentionsRbac = message.includes("ForbiddenByRbac") || message.includes("not authorized");
  // For the Java side's failure messages; error messages carry no secret value or credential.
  described.message = message.slice(0, 300);
  return described;
}

async function step(results, name, action) {
  try {
    results[name] = { ok: true, ...(await action()) };
  } catch (error) {
    results[name] = describeError(error);
  }
}

const bundleSummary = (secret) => ({
  name: secret.name,
  version: secret.properties.version ?? null,
  id: secret.properties.id ?? null,
  valueSha256: sha256(secret.value),
  valuePresent: secret.value !== undefined,
  contentType: secret.properties.contentType ?? null,
  tags: secret.properties.tags ?? null,
  enabled: secret.properties.enabled ?? null,
  createdOn: secret.properties.createdOn?.toISOString() ?? null,
  recoveryLevel: secret.properties.recoveryLevel ?? null,
  recoverableDays: secret.properties.recoverableDays ?? null,
});

const deletedSummary = (deleted) => ({
  name: deleted.name,
  recoveryId: deleted.properties.recoveryId ?? null,
  deletedOn: deleted.properties.deletedOn?.toISOString() ?? null,
  scheduledPurgeDate: deleted.properties.scheduledPurgeDate?.toISOString() ?? null,
  valuePresent: deleted.value !== undefined,
});

// Page sizes as the service returned them; items only this run's (the vault may hold others).
async function pages(iterable, maxPageSize, keep) {
  const sizes = [];
  const items = [];
  for await (const page of iterable.byPage({ maxPageSize })) {
    sizes.push(page.length);
    items.push(...page.filter(keep));
  }
  return { pageCount: sizes.length, pageSizes: sizes, items };
}

async function main() {
  const officer = secretClient(credential(env("KV_OFFICER_CLIENT_ID"), env("KV_OFFICER_CLIENT_SECRET")));
  const user = secretClient(credential(env("KV_USER_CLIENT_ID"), env("KV_USER_CLIENT_SECRET")));
  const wrongSecret = secretClient(credential(env("KV_OFFICER_CLIENT_ID"), "not-the-officer-client-secret"));
  // Asked directly: through a SecretClient, @azure/identity would refuse the vault's other tenant itself.
  const unknownTenant = new ClientSecretCredential(env("KV_UNKNOWN_TENANT_ID"), env("KV_OFFICER_CLIENT_ID"),
    env("KV_OFFICER_CLIENT_SECRET"), { authorityHost, disableInstanceDiscovery: true });
  const poll = { intervalInMs: 20 };
  const primary = `${prefix}-main`;
  const other = `${prefix}-other`;
  const third = `${prefix}-third`;
  const results = {};

  await step(results, "setFirst", async () =>
    bundleSummary(await officer.setSecret(primary, value1, { contentType: "text/plain", tags: { env: "test" } })));
  await step(results, "setSecond", async () => bundleSummary(await officer.setSecret(primary, value2)));
  await step(results, "setOthers", async () => {
    await officer.setSecret(other, value1);
    await officer.setSecret(third, value1);
    return {};
  });
  await step(results, "getLatest", async () => bundleSummary(await officer.getSecret(primary)));
  await step(results, "getFirstVersion", async () =>
    bundleSummary(await officer.getSecret(primary, { version: results.setFirst.version })));
  await step(results, "listSecrets", async () => {
    const listed = await pages(officer.listPropertiesOfSecrets(), 2, (p) => p.name.startsWith(prefix));
    return { ...listed, items: listed.items.map((p) => p.name).sort() };
  });
  await step(results, "listVersions", async () => {
    const listed = await pages(officer.listPropertiesOfSecretVersions(primary), 1, () => true);
    return { ...listed, items: listed.items.map((p) => p.version).sort() };
  });
  await step(results, "updateTags", async () => {
    const updated = await officer.updateSecretProperties(primary, results.setSecond.version,
      { tags: { env: "test", owner: "js-sdk" } });
    return { version: updated.version ?? null, tags: updated.tags ?? null };
  });
  await step(results, "getAfterUpdate", async () => bundleSummary(await officer.getSecret(primary)));
  await step(results, "userGet", async () => bundleSummary(await user.getSecret(primary)));
  await step(results, "userSet", async () => bundleSummary(await user.setSecret(primary, value1)));
  await step(results, "beginDelete", async () => {
    const poller = await officer.beginDeleteSecret(primary, poll);
    return deletedSummary(await poller.pollUntilDone());
  });
  await step(results, "getDeleted", async () => deletedSummary(await officer.getDeletedSecret(primary)));
  await step(results, "setWhileDeleted", async () => bundleSummary(await officer.setSecret(primary, value1)));
  await step(results, "getWhileDeleted", async () => bundleSummary(await officer.getSecret(primary)));
  await step(results, "listDeleted", async () => {
    const listed = await pages(officer.listDeletedSecrets(), 25, (d) => d.name.startsWith(prefix));
    return { ...listed, items: listed.items.map((d) => d.name).sort() };
  });
  await step(results, "beginRecover", async () => {
    const poller = await officer.beginRecoverDeletedSecret(primary, poll);
    const recovered = await poller.pollUntilDone();
    return { name: recovered.name, version: recovered.version ?? null };
  });
  await step(results, "getAfterRecover", async () => bundleSummary(await officer.getSecret(primary)));
  await step(results, "deleteOther", async () => {
    const poller = await officer.beginDeleteSecret(other, poll);
    return deletedSummary(await poller.pollUntilDone());
  });
  await step(results, "purgeOther", async () => {
    await officer.purgeDeletedSecret(other);
    return {};
  });
  await step(results, "getDeletedAfterPurge", async () => deletedSummary(await officer.getDeletedSecret(other)));
  await step(results, "setAfterPurge", async () => bundleSummary(await officer.setSecret(other, value2)));
  await step(results, "wrongClientSecret", async () => bundleSummary(await wrongSecret.getSecret(primary)));
  await step(results, "unknownTenant", async () => {
    const token = await unknownTenant.getToken("https://vault.azure.net/.default");
    return { tokenPresent: Boolean(token?.token) };
  });

  return {
    node: process.version,
    packages: {
      "@azure/keyvault-secrets": packageVersion("@azure/keyvault-secrets"),
      "@azure/identity": packageVersion("@azure/identity"),
      "@azure/core-rest-pipeline": packageVersion("@azure/core-rest-pipeline"),
    },
    apiVersions: [...new Set(sent.map((r) => r.apiVersion))].sort(),
    requestCount: sent.length,
    results,
  };
}

main().then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  },
  (error) => {
    process.stderr.write(`key-vault-flow failed: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
