'use strict';
// Shared pieces of the benchmarks: a fresh built service on a temp SQLite file, tokens, autocannon runs.
const { execFileSync, spawn } = require('node:child_process');
const { createHmac, randomUUID } = require('node:crypto');
const { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const autocannon = require('autocannon');

const ROOT = path.join(__dirname, '..');
const JWT_SECRET = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds unless the last build (tsc's incremental build info) is newer than every source file, as it
 * is when `npm run bench` has just built. tsc still emits JavaScript when another module has a type
 * error; the run then goes on with a warning rather than measuring nothing.
 */
function ensureBuilt() {
  const buildInfo = path.join(ROOT, 'dist', '.tsbuildinfo');
  if (existsSync(buildInfo) && statSync(buildInfo).mtimeMs >= newestSourceTime(path.join(ROOT, 'src'))) return;
  console.log('building the service (npm run build)');
  try {
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  } catch (error) {
    if (!existsSync(path.join(ROOT, 'dist', 'main.js'))) throw error;
    console.warn('warning: the build reported errors; measuring the JavaScript it emitted');
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function tempDatabasePath(name) {
  return path.join(mkdtempSync(path.join(os.tmpdir(), `sayembara-bench-${name}-`)), 'bench.sqlite');
}

async function waitForHealth(port, timeoutMs = 30000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await new Promise((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/health' }, (res) => resolve(res.statusCode === 200)).on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service did not become healthy');
}

/** Starts `node dist/main.js` on a database file; resolves once /health answers. */
async function startService(databasePath, extraEnv = {}) {
  const port = await freePort();
  // BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each service process there, for finding where the time goes.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, 'dist/main.js')], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1', JWT_SECRET, RATE_LIMITS: 'off', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHealth(port);
  return { port, child, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); }) };
}

/** The baseline of every ratio: a bare node:http server answering a fixed JSON body. */
function startBaseline() {
  const body = JSON.stringify({ items: [{ id: randomUUID(), title: 'baseline', score: 0.5 }] });
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => resolve({ port: server.address().port, stop: () => new Promise((r) => server.close(r)) }));
  });
}

function base64url(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** An access token the service accepts (same secret, issuer and audience as the service's config). */
function accessToken(userId) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url({ alg: 'HS256', typ: 'JWT' });
  const payload = base64url({ sub: userId, roles: ['user'], iat: now, exp: now + 3600, iss: 'sayembara', aud: 'sayembara-api' });
  const signature = createHmac('sha256', JWT_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The kernel's clock ticks per second, in which /proc gives CPU times; asked once. */
let clockTicks = null;
function clockTicksPerSecond() {
  if (clockTicks === null) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** The CPU time a process has used so far, all its threads together, in ms; null where there is no /proc. */
function processCpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicksPerSecond();
  } catch {
    return null;
  }
}

/**
 * Runs autocannon and keeps the figures we report. With `service` (from startService), also the CPU
 * time the service used per request: unlike a ratio to the baseline, it does not move with what the
 * same machine gives a bare server that day, so runs on different days compare.
 */
async function measure(name, { service, ...options }) {
  const cpuBefore = service ? processCpuMs(service.child.pid) : null;
  const result = await autocannon({ connections: 50, duration: 10, ...options });
  const cpuAfter = service ? processCpuMs(service.child.pid) : null;
  const serviceCpu = cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? { serviceCpuMsPerRequest: Number(((cpuAfter - cpuBefore) / result.requests.total).toFixed(3)) } : {};
  const non2xx = result.non2xx + result.errors + result.timeouts;
  // What the failures were: a status other than 2xx, a connection error, or no answer within autocannon's 10 s.
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, stat]) => [code, stat.count]));
  const failures = { statuses, errors: result.errors, timeouts: result.timeouts };
  return { name, requestsPerSecond: result.requests.average, meanMs: result.latency.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99, maxMs: result.latency.max, requests: result.requests.total, non2xx, failures, ...serviceCpu };
}

module.exports = { ROOT, JWT_SECRET, ensureBuilt, startService, startBaseline, accessToken, measure, tempDatabasePath, freePort };
