'use strict';
// Drives the emulator with Google's Node.js Secret Manager client (gRPC, and its REST fallback) and prints one JSON
// document on stdout describing what the client saw. NodeClientTest runs it and asserts on that document; nothing
// here decides whether the emulator is right.
//
// Usage: node secret-manager-flow.js CONFIG.json
//   CONFIG: {"project", "grpcTls": "127.0.0.1:P", "grpcPlaintext": "127.0.0.1:P", "http": "127.0.0.1:P",
//            "certificate": PEM path, "adminKeyFile", "nobodyKeyFile", "secretId"}
const fs = require('fs');
const {grpc, GoogleAuth} = require('google-gax');
const {SecretManagerServiceClient} = require('@google-cloud/secret-manager');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const [host, port] = config.grpcTls.split(':');

// CRC32C (Castagnoli, reflected polynomial 0x82F63B78): the client leaves the checksum to the caller.
const CRC32C_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x82f63b78 : c >>> 1;
  return c >>> 0;
});
function crc32c(bytes) {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC32C_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// A client on the TLS port with a service-account key. Given sslCreds (here: to trust the emulator's self-signed
// certificate), google-gax uses them as they are and adds no call credentials, so they are combined here with
// the client's auth. google-auth-library 10+ returns a fetch Headers object, which grpc-js's
// createFromGoogleCredential cannot read (it would silently send no authorization), hence the plain object.
function tlsClient(keyFile) {
  const auth = new GoogleAuth({keyFilename: keyFile, scopes: ['https://www.googleapis.com/auth/cloud-platform']});
  const callCredentials = grpc.credentials.createFromGoogleCredential({
    getRequestHeaders: async (url) => {
      const headers = await (await auth.getClient()).getRequestHeaders(url);
      return Object.fromEntries(headers.entries ? headers.entries() : Object.entries(headers));
    },
  });
  const ca = fs.readFileSync(config.certificate);
  // The client sets useJWTAccessWithScope on this auth object: it signs its own JWTs, no token endpoint.
  return new SecretManagerServiceClient({apiEndpoint: host, port: Number(port), auth,
    sslCreds: grpc.credentials.combineChannelCredentials(grpc.credentials.createSsl(ca), callCredentials)});
}

// gRPC errors carry the server's status message in `details` (`message` adds the code); the REST fallback's
// errors carry it in `message` (and `details` is a list of error details).
function failure(e) {
  return {code: e.code, message: typeof e.details === 'string' ? e.details : e.message};
}

async function expectFailure(promise) {
  try {
    await promise;
    return {code: null, message: 'no error'};
  } catch (e) {
    return failure(e);
  }
}

// The client's REST transport ("fallback": HTTP/JSON) on the plain HTTP port, with service-account keys.
function restClient(keyFile) {
  const [rHost, rPort] = config.http.split(':');
  const auth = new GoogleAuth({keyFilename: keyFile, scopes: ['https://www.googleapis.com/auth/cloud-platform']});
  return new SecretManagerServiceClient({fallback: true, protocol: 'http', apiEndpoint: rHost, port: Number(rPort),
    auth});
}

async function restFlow(parent) {
  const rest = {};
  const admin = restClient(config.adminKeyFile);
  const nobody = restClient(config.nobodyKeyFile);
  const id = `${config.secretId}-rest`;
  const name = `${parent}/secrets/${id}`;
  const [secret] = await admin.createSecret({parent, secretId: id,
    secret: {replication: {automatic: {}}, labels: {transport: 'rest'}}});
  rest.created = secret.name;
  const data = Buffer.from('rest value \u00e9', 'utf8');
  const [version] = await admin.addSecretVersion({parent: name, payload: {data, dataCrc32c: crc32c(data)}});
  rest.added = version.name;
  const [accessed] = await admin.accessSecretVersion({name: `${name}/versions/latest`});
  rest.accessed = {data: Buffer.from(accessed.payload.data).toString('utf8'),
    dataCrc32c: String(accessed.payload.dataCrc32c)};
  const [listed] = await admin.listSecrets({parent, filter: 'labels.transport=rest'});
  rest.listed = listed.map((s) => s.name);
  rest.permissionDenied = await expectFailure(nobody.accessSecretVersion({name: `${name}/versions/latest`}));
  await admin.disableSecretVersion({name: version.name});
  rest.disabled = await expectFailure(admin.accessSecretVersion({name: `${name}/versions/latest`}));
  await admin.deleteSecret({name});
  rest.afterDelete = await expectFailure(admin.getSecret({name}));
  await Promise.all([admin.close(), nobody.close()]);
  return rest;
}

async function main() {
  const out = {};
  const parent = `projects/${config.project}`;
  const admin = tlsClient(config.adminKeyFile);
  const name = `${parent}/secrets/${config.secretId}`;

  const [secret] = await admin.createSecret({parent, secretId: config.secretId,
    secret: {replication: {automatic: {}}, labels: {client: 'node', env: 'test'}}});
  out.created = {name: secret.name, labels: secret.labels};

  const data = Buffer.from('node-client value \u00e9\u2603', 'utf8');
  const checksum = crc32c(data);
  const [version] = await admin.addSecretVersion({parent: name,
    payload: {data, dataCrc32c: checksum}});
  out.added = {name: version.name, state: version.state, sentCrc32c: String(checksum),
    clientSpecifiedPayloadChecksum: version.clientSpecifiedPayloadChecksum};

  out.crcMismatch = await expectFailure(admin.addSecretVersion({parent: name,
    payload: {data, dataCrc32c: (checksum + 1) % 4294967296}}));

  const [accessed] = await admin.accessSecretVersion({name: `${name}/versions/latest`});
  out.accessed = {name: accessed.name, dataBase64: Buffer.from(accessed.payload.data).toString('base64'),
    dataCrc32c: String(accessed.payload.dataCrc32c)};

  const [listed] = await admin.listSecrets({parent, filter: 'labels.client=node AND labels.env=test'});
  out.listed = listed.map((s) => s.name);

  out.notFound = await expectFailure(admin.getSecret({name: `${parent}/secrets/${config.secretId}-missing`}));

  const nobody = tlsClient(config.nobodyKeyFile);
  out.permissionDenied = await expectFailure(nobody.accessSecretVersion({name: `${name}/versions/latest`}));

  await admin.deleteSecret({name});
  out.afterDelete = await expectFailure(admin.getSecret({name}));

  // Plaintext port, no credentials: the emulator's default principal.
  const [pHost, pPort] = config.grpcPlaintext.split(':');
  const plain = new SecretManagerServiceClient({apiEndpoint: pHost, port: Number(pPort),
    universeDomain: 'googleapis.com', sslCreds: grpc.credentials.createInsecure()});
  const plainId = `${config.secretId}-plaintext`;
  await plain.createSecret({parent, secretId: plainId, secret: {replication: {automatic: {}}}});
  await plain.addSecretVersion({parent: `${parent}/secrets/${plainId}`, payload: {data: Buffer.from('plain')}});
  const [plainAccess] = await plain.accessSecretVersion({name: `${parent}/secrets/${plainId}/versions/latest`});
  out.plaintext = {name: plainAccess.name, data: Buffer.from(plainAccess.payload.data).toString('utf8')};
  await plain.deleteSecret({name: `${parent}/secrets/${plainId}`});

  out.rest = await restFlow(parent);

  await Promise.all([admin.close(), nobody.close(), plain.close()]);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(`node client flow failed: ${e.code === undefined ? '' : 'code ' + e.code + ' '}${e.stack}\n`);
  process.exit(1);
});
