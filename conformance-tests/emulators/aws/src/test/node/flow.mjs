// Drives the emulator with the AWS SDK for JavaScript v3 and prints what it observed as one JSON document.
// Run by OtherOfficialClientsTest, which asserts on the output: this script only reports, it judges nothing.
//
// Environment (set by the test; the machine's AWS configuration is never read):
//   EMULATOR_ENDPOINT                          http://127.0.0.1:<port>
//   AWS_REGION                                 region for every client
//   ADMIN_ACCESS_KEY_ID / ADMIN_SECRET_ACCESS_KEY   the admin user
//   PARTNER_USER_ACCESS_KEY_ID / PARTNER_USER_SECRET_ACCESS_KEY   a user who may assume PARTNER_ROLE_ARN
//   PARTNER_ROLE_ARN / PARTNER_EXTERNAL_ID     the role and the ExternalId its trust policy demands
import { readFileSync } from "node:fs";
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  paginateListSecrets,
} from "@aws-sdk/client-secrets-manager";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

const env = process.env;
const endpoint = env.EMULATOR_ENDPOINT;
const region = env.AWS_REGION;

// One attempt: a retry would hide a wrong first answer.
function client(Client, accessKeyId, secretAccessKey, sessionToken) {
  return new Client({
    endpoint,
    region,
    maxAttempts: 1,
    credentials: { accessKeyId, secretAccessKey, sessionToken },
  });
}

async function errorOf(promise) {
  try {
    await promise;
    return null;
  } catch (e) {
    if (e.$metadata === undefined) throw e; // not a service answer: let the script fail
    return { name: e.name, message: e.message, status: e.$metadata.httpStatusCode, fault: e.$fault };
  }
}

function versionOf(pkg) {
  const url = new URL(`./node_modules/${pkg}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")).version;
}

const admin = client(SecretsManagerClient, env.ADMIN_ACCESS_KEY_ID, env.ADMIN_SECRET_ACCESS_KEY);
const out = {
  clientSecretsManager: versionOf("@aws-sdk/client-secrets-manager"),
  clientSts: versionOf("@aws-sdk/client-sts"),
  node: process.version,
};

const created = await admin.send(new CreateSecretCommand({
  Name: "js/db", SecretString: "js-v1", Tags: [{ Key: "AirbyteManaged", Value: "true" }],
}));
await admin.send(new CreateSecretCommand({
  Name: "js/foreign", SecretString: "other", Tags: [{ Key: "AirbyteManaged", Value: "false" }],
}));
out.create = { ARN: created.ARN, Name: created.Name, VersionId: created.VersionId };

const got = await admin.send(new GetSecretValueCommand({ SecretId: "js/db" }));
out.get = { ARN: got.ARN, SecretString: got.SecretString, VersionStages: got.VersionStages };

const put = await admin.send(new PutSecretValueCommand({ SecretId: created.ARN, SecretString: "js-v2" }));
out.put = { VersionId: put.VersionId, VersionStages: put.VersionStages };
out.getAfterPut = (await admin.send(new GetSecretValueCommand({ SecretId: "js/db" }))).SecretString;

const listed = await admin.send(new ListSecretsCommand({
  Filters: [{ Key: "name", Values: ["js/"] }, { Key: "tag-value", Values: ["true"] }],
}));
out.listTagged = listed.SecretList.map((s) => s.Name);
out.pages = [];
for await (const page of paginateListSecrets({ client: admin, pageSize: 1 },
  { Filters: [{ Key: "name", Values: ["js/"] }], SortBy: "name", SortOrder: "asc" })) {
  out.pages.push(page.SecretList.map((s) => s.Name));
}

await admin.send(new CreateSecretCommand({ Name: "js/blob", SecretBinary: Uint8Array.of(0, 1, 254, 255) }));
const blob = await admin.send(new GetSecretValueCommand({ SecretId: "js/blob" }));
out.binary = Buffer.from(blob.SecretBinary).toString("base64");
const described = await admin.send(new DescribeSecretCommand({ SecretId: "js/db" }));
out.describe = {
  createdIsDate: described.CreatedDate instanceof Date,
  createdMillis: described.CreatedDate.getTime(),
  VersionIdsToStages: described.VersionIdsToStages,
};

// SigV4 failures: the signature is computed by the SDK's own signer, only the key material is wrong.
out.badSignature = await errorOf(client(SecretsManagerClient, env.ADMIN_ACCESS_KEY_ID, "not-the-secret-key")
  .send(new GetSecretValueCommand({ SecretId: "js/db" })));
out.unknownKey = await errorOf(client(SecretsManagerClient, "AKIAUNKNOWN000000001", "whatever")
  .send(new GetSecretValueCommand({ SecretId: "js/db" })));
out.notFound = await errorOf(admin.send(new GetSecretValueCommand({ SecretId: "js/missing" })));

const sts = client(STSClient, env.PARTNER_USER_ACCESS_KEY_ID, env.PARTNER_USER_SECRET_ACCESS_KEY);
out.assumeWithoutExternalId = await errorOf(sts.send(new AssumeRoleCommand({
  RoleArn: env.PARTNER_ROLE_ARN, RoleSessionName: "js",
})));
const assumed = await sts.send(new AssumeRoleCommand({
  RoleArn: env.PARTNER_ROLE_ARN, RoleSessionName: "js", ExternalId: env.PARTNER_EXTERNAL_ID,
}));
const c = assumed.Credentials;
out.assumed = { AssumedRoleUser: assumed.AssumedRoleUser.Arn, accessKeyPrefix: c.AccessKeyId.slice(0, 4) };
const session = client(SecretsManagerClient, c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
out.sessionIdentity = (await client(STSClient, c.AccessKeyId, c.SecretAccessKey, c.SessionToken)
  .send(new GetCallerIdentityCommand({}))).Arn;
out.sessionGetTagged = (await session.send(new GetSecretValueCommand({ SecretId: "js/db" }))).SecretString;
out.sessionGetForeign = await errorOf(session.send(new GetSecretValueCommand({ SecretId: "js/foreign" })));

process.stdout.write(JSON.stringify(out) + "\n");
