// SPDX-License-Identifier: Apache-2.0
// Dredd hooks: sign in, seed what the examples name (a user, two devices, a segment, a message),
// and give every transaction a real token, path and body. The service was seeded by run-dredd.sh.
const fs = require('fs');
const path = require('path');
const hooks = require('hooks');
const yaml = require('js-yaml');

// Dredd checks a JSON body against an example it generates, which makes every property required.
// Check against the documented schema instead (local $refs resolved).
const spec = yaml.load(fs.readFileSync(path.join(__dirname, '../../docs/api/openapi.yaml'), 'utf8'));
function resolve(node) {
  if (Array.isArray(node)) return node.map(resolve);
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const target = node.$ref.replace(/^#\//, '').split('/').reduce((object, key) => object[key], spec);
    return resolve(target);
  }
  const copy = {};
  for (const [key, value] of Object.entries(node)) copy[key] = resolve(value);
  return copy;
}
function expectedContentType(transaction) {
  const entry = Object.entries(transaction.expected.headers || {}).find(([name]) => name.toLowerCase() === 'content-type');
  return entry ? entry[1] : '';
}
function documentedSchema(transaction) {
  const operation = spec.paths[transaction.origin.resourceName]?.[transaction.request.method.toLowerCase()];
  const response = operation && resolve(operation.responses[transaction.expected.statusCode]);
  const expectedType = expectedContentType(transaction);
  const content = response?.content && Object.entries(response.content).find(([type]) => type === expectedType && type.includes('json'));
  return content ? content[1].schema : undefined;
}

const base = process.env.ARCHIVESYNC_URL;
const adminPassword = process.env.ARCHIVESYNC_ADMIN_PASSWORD;
const state = {};

async function call(method, path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

async function signIn(username, password) {
  return (await call('POST', '/api/v1/session', { username, password })).token;
}

hooks.beforeAll(async (transactions, done) => {
  try {
    state.admin = await signIn('admin', adminPassword);
    await call('POST', '/api/v1/users', { username: 'bob', password: 'bob passphrase 123', role: 'user' }, state.admin);
    await call('POST', '/api/v1/users', { username: 'dredd-temp', password: 'temporary passphrase', role: 'user' }, state.admin);
    state.bob = await signIn('bob', 'bob passphrase 123');
    const kept = await call('POST', '/api/v1/devices', { name: 'dredd laptop' }, state.bob);
    const revoked = await call('POST', '/api/v1/devices', { name: 'dredd spare' }, state.bob);
    state.deviceId = kept.deviceId;
    state.deviceToken = kept.token;
    state.spareDeviceId = revoked.deviceId;
    const manifest = await call('GET', '/api/v1/offline/alice%40example.org/manifest', null, state.admin);
    state.segment = manifest.segments[0].sha256;
    const found = await call('GET', '/api/v1/mailboxes/alice%40example.org/search?limit=1', null, state.admin);
    state.messageId = found.messages[0].id;
    done();
  } catch (error) {
    hooks.log(`seeding failed: ${error}`);
    process.exit(1);
  }
});

const bodies = {
  'POST /api/v1/session': () => ({ username: 'admin', password: adminPassword }),
  'POST /api/v1/devices': () => ({ name: 'contract laptop' }),
  'POST /api/v1/offline/sync': () => ({ mailboxes: ['alice@example.org'] }),
  'POST /api/v1/users': () => ({ username: 'contract-user', password: 'contract passphrase', role: 'user' }),
  'POST /api/v1/mailboxes': () => ({ address: 'carol@example.org' }),
  'PATCH /api/v1/mailboxes/{address}': () => ({ displayName: 'Alice Example' }),
  'POST /api/v1/mailboxes/{address}/permissions': () => ({ username: 'bob' }),
  'PUT /api/v1/mailboxes/{address}/offline': () => ({ enabled: true }),
  'PUT /api/v1/offline/defaults': () => ({ contentWindowMonths: 0, defaultFolderPolicy: 'headers', folderPolicies: { Inbox: 'whole' } }),
  'PUT /api/v1/offline/schedule': () => ({ kind: 'daily', times: ['06:00'] }),
  'PATCH /api/v1/users/{username}': () => ({ displayName: 'Temporary' }),
  'PUT /api/v1/devices/{id}/state': () => ({ generation: 1, appliedSegments: 1, status: 'up to date' }),
};

hooks.beforeEach((transaction, done) => {
  const key = `${transaction.request.method} ${transaction.origin.resourceName}`;
  // Only the answers a well-formed request gets are checked here; the error answers have their own tests.
  const status = Number(transaction.expected.statusCode);
  // 206 needs a Range header and 304 an ETag: both are covered by the integration tests.
  if (status >= 300 || status === 206) transaction.skip = true;
  transaction.request.headers.Authorization = `Bearer ${state.admin}`;
  if (key === 'DELETE /api/v1/session') {
    // Sign out a session of its own, not the one the other transactions use.
    signIn('admin', adminPassword).then((token) => {
      transaction.request.headers.Authorization = `Bearer ${token}`;
      done();
    });
    return;
  }
  if (key === 'PUT /api/v1/devices/{id}/state') transaction.request.headers.Authorization = `Bearer ${state.deviceToken}`;
  // Initial-sync slots are per device: asking and releasing take a device token.
  if (key.endsWith(' /api/v1/offline/initial-sync') && !key.startsWith('GET')) {
    transaction.request.headers.Authorization = `Bearer ${state.deviceToken}`;
  }
  const uri = transaction.request.uri
    .replace('0'.repeat(64), state.segment)
    .replace('/devices/1001', `/devices/${state.deviceId}`)
    .replace('/devices/1002', `/devices/${state.spareDeviceId}`)
    .replace(/\/messages\/1(?=$|\?)/, `/messages/${state.messageId}`)
    .replace('alice@example.org', 'alice%40example.org');
  // One operation, two representations: ask for the one this transaction expects.
  const expectsJson = expectedContentType(transaction).includes('json');
  const finalUri = key === 'GET /api/v1/mailboxes/{address}/messages/{id}'
    ? uri.replace(/format=\w+/, `format=${expectsJson ? 'json' : 'raw'}`)
    : uri;
  transaction.request.uri = finalUri;
  transaction.fullPath = finalUri;
  const schema = documentedSchema(transaction);
  if (schema) transaction.expected.bodySchema = JSON.stringify(schema);
  if (bodies[key]) {
    transaction.request.body = JSON.stringify(bodies[key]());
    transaction.request.headers['Content-Type'] = 'application/json';
  }
  done();
});
