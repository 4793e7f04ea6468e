// SPDX-License-Identifier: Apache-2.0
// API fuzzing from the contract: every operation of docs/api/openapi.yaml, called again and again
// with random and malformed path parameters, queries and bodies, as an administrator, a user with the
// search right, a user without it, anonymously and with a forged token. It fails on any 5xx, on an
// error answer that is not problem+json, on a service that stops answering, and on a rejected
// (4xx) change that changed something. The random source is seeded: a failure is repeatable.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml');
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const spec = yaml.load(fs.readFileSync(path.join(root, 'docs/api/openapi.yaml'), 'utf8'));
const base = process.env.ARCHIVESYNC_URL;
const full = process.env.ARCHIVESYNC_FAULT_FULL === '1';
const total = Number(process.env.ARCHIVESYNC_FUZZ_REQUESTS || (full ? 10000 : 2000));
let seed = Number(process.env.ARCHIVESYNC_FUZZ_SEED || 20261122);

// xorshift32: small, seeded, good enough to pick cases.
function random() {
  seed ^= seed << 13; seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5; seed >>>= 0;
  return seed / 0x100000000;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;

function resolve(node) {
  if (Array.isArray(node)) return node.map(resolve);
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    return resolve(node.$ref.replace(/^#\//, '').split('/').reduce((o, k) => o[k], spec));
  }
  const copy = {};
  for (const [k, v] of Object.entries(node)) copy[k] = resolve(v);
  return copy;
}

const strangeStrings = [
  '', ' ', '../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2f', '/etc/shadow', 'a'.repeat(5000),
  'alice@example.org', 'carol@example.org', 'nobody@example.org', 'ALICE@EXAMPLE.ORG', 'alice@example.org/../carol',
  '😀', 'Zoë', '\u0000', '\r\nX-Injected: 1', "' OR 1=1 --", '"quoted"', '{}', '[]', 'null', '-1', '0', '1',
  '99999999999999999999', '1e309', 'NaN', '%', '%%', '%zz', '?', '#', ';', 'admin', 'bob', 'fuzz-user',
  '0'.repeat(64), 'f'.repeat(64), 'g'.repeat(64),
];

function valueFor(schema, depth = 0) {
  schema = resolve(schema || {});
  if (chance(0.25)) return pick([null, true, 42, -7, 1.5, 'text', [], {}, pick(strangeStrings), 2 ** 60]);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (schema.enum) return chance(0.7) ? pick(schema.enum) : pick(strangeStrings);
  switch (type) {
    case 'integer': return chance(0.7) ? Math.floor(random() * 100) : pick([-1, 0, 2 ** 53, 1.5, '5']);
    case 'number': return random() * 100;
    case 'boolean': return chance(0.5);
    case 'string': return chance(0.5) ? pick(strangeStrings) : (schema.example ?? 'value');
    case 'array': return depth > 3 ? [] : Array.from({ length: Math.floor(random() * 3) }, () => valueFor(schema.items, depth + 1));
    case 'object':
    default: {
      if (depth > 3) return {};
      const object = {};
      for (const [name, property] of Object.entries(schema.properties || {})) {
        if ((schema.required || []).includes(name) ? chance(0.9) : chance(0.5)) object[name] = valueFor(property, depth + 1);
      }
      if (chance(0.2)) object[pick(['unknown', 'role', '__proto__', 'extra'])] = valueFor({}, depth + 1);
      return object;
    }
  }
}

function body(operation) {
  const content = operation.requestBody && resolve(operation.requestBody).content;
  const schema = content?.['application/json']?.schema;
  if (!schema && chance(0.8)) return undefined;
  if (chance(0.08)) return pick(['{', '{"a":', 'not json', '[1,2', '\u0000', '{"username": "x", "username": "y"}']);
  if (chance(0.02)) return JSON.stringify({ filler: 'x'.repeat(1100 * 1024) }); // over the 1 MiB limit
  return JSON.stringify(valueFor(schema));
}

const operations = [];
for (const [route, item] of Object.entries(spec.paths)) {
  for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
    if (!item[method]) continue;
    // Ending the fuzzer's own sessions would only turn the rest into 401s.
    if (route === '/api/v1/session' && method === 'delete') continue;
    const parameters = [...(item.parameters || []), ...(item[method].parameters || [])].map(resolve);
    operations.push({ route, method: method.toUpperCase(), operation: item[method], parameters });
  }
}

async function request(method, url, token, data) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (data !== undefined) headers['Content-Type'] = pick(['application/json', 'application/json', 'text/plain']);
  const response = await fetch(url, { method, headers, body: data });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') || '', text };
}

async function json(method, route, token, data) {
  const r = await request(method, base + route, token, data === undefined ? undefined : JSON.stringify(data));
  if (r.status >= 400) throw new Error(`${method} ${route}: ${r.status} ${r.text}`);
  return r.text ? JSON.parse(r.text) : {};
}

// What an administrator sees: compared before and after each rejected change.
async function snapshot(admin) {
  const parts = [];
  for (const route of ['/api/v1/users', '/api/v1/mailboxes', '/api/v1/offline/defaults', '/api/v1/offline/schedule',
    '/api/v1/devices', '/api/v1/mailboxes/alice%40example.org/permissions', '/api/v1/mailboxes/alice%40example.org/offline']) {
    const r = await request('GET', base + route, admin);
    parts.push(`${route} ${r.status} ${r.text}`);
  }
  return parts.join('\n');
}

async function jobsIdle(token) {
  for (let i = 0; i < 300; ++i) {
    const r = await request('GET', `${base}/api/v1/status`, token);
    const activity = r.status === 200 ? JSON.parse(r.text).activity : undefined;
    if (!activity || (!activity.running && !activity.queued)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const admin = (await json('POST', '/api/v1/session', undefined, { username: 'admin', password: process.env.ARCHIVESYNC_ADMIN_PASSWORD })).token;
await json('POST', '/api/v1/users', admin, { username: 'fuzz-reader', password: 'fuzz reader passphrase', role: 'user' });
await json('POST', '/api/v1/users', admin, { username: 'fuzz-stranger', password: 'fuzz stranger passphrase', role: 'user' });
await json('POST', '/api/v1/mailboxes', admin, { address: 'alice@example.org' });
await json('POST', '/api/v1/mailboxes/alice%40example.org/permissions', admin, { username: 'fuzz-reader' });
const reader = (await json('POST', '/api/v1/session', undefined, { username: 'fuzz-reader', password: 'fuzz reader passphrase' })).token;
const stranger = (await json('POST', '/api/v1/session', undefined, { username: 'fuzz-stranger', password: 'fuzz stranger passphrase' })).token;
const callers = [['admin', admin], ['reader', reader], ['stranger', stranger], ['anonymous', undefined], ['forged', 'asd_' + 'A'.repeat(43)]];

// Password guessing: the account locks after a few failures, and then even the right password waits.
let guessed = 0;
let throttled = 0;
for (let i = 0; i < 12; ++i) {
  const r = await request('POST', `${base}/api/v1/session`, undefined, JSON.stringify({ username: 'fuzz-stranger', password: `guess ${i}` }));
  ++guessed;
  if (r.status === 429) ++throttled;
  else if (r.status !== 401) throw new Error(`a wrong password answered ${r.status}`);
}
const rightPassword = await request('POST', `${base}/api/v1/session`, undefined,
  JSON.stringify({ username: 'fuzz-stranger', password: 'fuzz stranger passphrase' }));
const bruteForceFailures = [];
if (throttled < 6) bruteForceFailures.push(`only ${throttled} of ${guessed} guesses were throttled`);
if (rightPassword.status !== 429) bruteForceFailures.push(`the right password during the lock answered ${rightPassword.status}`);
// A revoked device and an ended session fail on their very next request.
const device = await json('POST', '/api/v1/devices', reader, { name: 'fuzz laptop' });
if ((await request('GET', `${base}/api/v1/me`, device.token)).status !== 200) bruteForceFailures.push('a new device token was refused');
await request('DELETE', `${base}/api/v1/devices/${device.deviceId}`, admin);
const afterRevoke = await request('GET', `${base}/api/v1/me/offline`, device.token);
if (afterRevoke.status !== 401) bruteForceFailures.push(`a revoked device's next request answered ${afterRevoke.status}`);
const extra = (await json('POST', '/api/v1/session', undefined, { username: 'fuzz-reader', password: 'fuzz reader passphrase' })).token;
await request('DELETE', `${base}/api/v1/session`, extra);
const afterSignOut = await request('GET', `${base}/api/v1/me`, extra);
if (afterSignOut.status !== 401) bruteForceFailures.push(`an ended session's next request answered ${afterSignOut.status}`);
console.log(`api-fuzz: ${guessed} wrong passwords, ${throttled} throttled (429); right password during the lock: ` +
  `${rightPassword.status}; revoked device: ${afterRevoke.status}; ended session: ${afterSignOut.status}`);
if (process.env.ARCHIVESYNC_FAULT_REPORT) {
  fs.appendFileSync(process.env.ARCHIVESYNC_FAULT_REPORT,
    `| password guessing on one account, then a revoked device and an ended session | ${guessed + 2} | ` +
    `${guessed + 2 - bruteForceFailures.length} | 0 | ${throttled} of ${guessed} guesses throttled (429), the right ` +
    `password too while locked; revoked device and ended session refused (401) on their next request |\n`);
}

const counts = { sent: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, rejectedChanges: 0 };
const failures = [...bruteForceFailures];
let state = await snapshot(admin);
for (let i = 0; i < total; ++i) {
  const op = pick(operations);
  let route = op.route;
  const query = [];
  for (const parameter of op.parameters) {
    const value = chance(0.3) ? (parameter.example ?? parameter.schema?.example ?? 'alice@example.org') : valueFor(parameter.schema);
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const encoded = chance(0.8) ? encodeURIComponent(text) : text.replace(/[?#]/g, '');
    if (parameter.in === 'path') route = route.replace(`{${parameter.name}}`, encoded);
    else if (parameter.in === 'query' && chance(0.7)) query.push(`${parameter.name}=${encoded}`);
  }
  if (chance(0.05)) query.push(`${pick(['unknown', 'wait', 'limit'])}=${encodeURIComponent(pick(strangeStrings))}`);
  const [who, token] = pick(callers);
  const data = ['POST', 'PUT', 'PATCH'].includes(op.method) ? body(op.operation) : undefined;
  let url = base + route + (query.length ? `?${query.join('&')}` : '');
  let response;
  try {
    response = await request(op.method, url, token, data);
  } catch (error) {
    // A URL fetch refuses to build is no request at all; the service not answering is a failure.
    if (error instanceof TypeError && /URL|Invalid/.test(String(error.message)) && !/fetch failed/.test(String(error.message))) continue;
    failures.push(`${op.method} ${url} as ${who}: no answer (${error.cause?.code || error.message})`);
    break;
  }
  ++counts.sent;
  const klass = `${Math.floor(response.status / 100)}xx`;
  counts[klass] = (counts[klass] || 0) + 1;
  if (response.status >= 500) failures.push(`${op.method} ${url} as ${who}: ${response.status} ${response.text.slice(0, 200)}`);
  if (response.status >= 400 && response.text && !response.type.includes('application/problem+json')) {
    failures.push(`${op.method} ${url} as ${who}: ${response.status} answered as ${response.type}`);
  }
  if (op.method !== 'GET') {
    // An accepted sync or flush goes on in the background: let it finish before comparing.
    if (response.status < 300) await jobsIdle(admin);
    const after = await snapshot(admin);
    if (response.status >= 400 && after !== state) {
      ++counts.rejectedChanges;
      failures.push(`${op.method} ${url} as ${who}: ${response.status}, yet the state changed`);
    }
    state = after;
  }
  if (failures.length >= 10) break;
}
const health = await request('GET', `${base}/healthz`).catch(() => ({ status: 0 }));
if (health.status !== 200) failures.push(`the service stopped answering /healthz (${health.status})`);

const line = `api-fuzz: ${counts.sent} requests over ${operations.length} operations as ${callers.length} kinds of caller: ` +
  `${counts['2xx']} 2xx, ${counts['3xx'] || 0} 3xx, ${counts['4xx']} 4xx, ${counts['5xx']} 5xx; ` +
  `rejected changes that changed state: ${counts.rejectedChanges}`;
console.log(line);
if (process.env.ARCHIVESYNC_FAULT_REPORT) {
  fs.appendFileSync(process.env.ARCHIVESYNC_FAULT_REPORT,
    `| API fuzzing from the OpenAPI contract | ${counts.sent} | ${counts.sent - counts['5xx']} | 0 | ` +
    `${counts['4xx']} rejected (4xx), ${counts['5xx']} server errors, ${counts.rejectedChanges} rejected changes that changed state; service up after |\n`);
}
for (const failure of failures) console.error(`api-fuzz: FAIL ${failure}`);
process.exit(failures.length ? 1 : 0);
