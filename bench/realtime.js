'use strict';
// 1,000 socket.io clients in one campaign room while votes arrive at 200 a second for 10 s, against the
// built service on a fresh SQLite file (127.0.0.1 only, RATE_LIMITS=off, bounded in time).
//
// Latency is measured per vote and per client: from the vote's HTTP acknowledgement to the moment that
// client first holds a tally of the idea that includes the vote (up >= the acknowledged count). Tallies
// are coalesced (at most one message per 250 ms per room), so this counts the coalescing delay too; a
// tally that reaches a client before its voter's acknowledgement counts as 0 ms.
const Database = require('better-sqlite3');
const http = require('node:http');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { io } = require('socket.io-client');
const { startService, accessToken, tempDatabasePath } = require('./lib');
const { seedUsers, seedCampaign, iso } = require('./seed');

const CLIENTS = 1000;
const IDEAS = 10;
const VOTERS = 200; // each votes once on every idea: 2,000 votes
const VOTES_PER_SECOND = 200;
const CONNECT_BATCH = 100;
const DEADLINE_MS = 180_000;

function seed(databasePath) {
  const db = new Database(databasePath);
  const now = Date.now();
  const [owner, author] = seedUsers(db, 2, iso(now - 30 * 86400000));
  const voters = seedUsers(db, VOTERS, iso(now - 30 * 86400000));
  const campaign = seedCampaign(db, { ownerId: owner, ideas: IDEAS, authors: [author], now });
  db.close();
  return { campaignId: campaign.campaignId, ideaIds: campaign.ideaIds, voters };
}

/** Vote k: voters take turns, each idea in turn, so every idea keeps changing throughout the run. */
function votePlan(ideaIds, voters) {
  return Array.from({ length: ideaIds.length * voters.length }, (_, k) => ({ ideaId: ideaIds[k % ideaIds.length], voterId: voters[Math.floor(k / ideaIds.length)] }));
}

function vote(port, { ideaId, voterId }) {
  return new Promise((resolve, reject) => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${accessToken(voterId)}` };
    const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/api/ideas/${ideaId}/vote`, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`vote ${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.end('{"value":1}');
  });
}

/** One client: joins the room and keeps, per idea, the times at which its tally rose. */
async function connectClient(port, room) {
  const socket = io(`http://127.0.0.1:${port}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  const ack = await socket.timeout(10_000).emitWithAck('join', { room });
  if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
  const client = { socket, messages: 0, seen: new Map() };
  socket.on('tally.updated', (...updates) => {
    const at = performance.now();
    client.messages += 1;
    for (const { ideaId, tally } of updates) {
      const history = client.seen.get(ideaId) ?? [];
      if (history.length === 0 || tally.up > history[history.length - 1].up) history.push({ up: tally.up, at });
      client.seen.set(ideaId, history);
    }
  });
  return client;
}

async function connectClients(port, room) {
  const clients = [];
  while (clients.length < CLIENTS) {
    const batch = Math.min(CONNECT_BATCH, CLIENTS - clients.length);
    clients.push(...(await Promise.all(Array.from({ length: batch }, () => connectClient(port, room)))));
  }
  return clients;
}

/** Casts the votes at the planned rate; resolves with each vote's idea, acknowledged count and time. */
async function castVotes(port, plan) {
  const started = performance.now();
  const pending = [];
  for (let k = 0; k < plan.length; k++) {
    const wait = started + (k * 1000) / VOTES_PER_SECOND - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(vote(port, plan[k]).then((result) => ({ ideaId: plan[k].ideaId, up: result.tally.up, at: performance.now() })));
  }
  const acks = await Promise.all(pending);
  return { acks, seconds: (performance.now() - started) / 1000 };
}

/** First time a client held a tally of at least `up`, by binary search over its rising history. */
function firstSeen(history, up) {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (history[mid].up >= up) high = mid;
    else low = mid + 1;
  }
  return low < history.length ? history[low].at : null;
}

function latencies(acks, clients) {
  const samples = new Float64Array(acks.length * clients.length);
  let n = 0;
  let missing = 0;
  for (const client of clients) {
    for (const ack of acks) {
      const at = firstSeen(client.seen.get(ack.ideaId) ?? [], ack.up);
      if (at === null) missing += 1;
      else samples[n++] = Math.max(0, at - ack.at);
    }
  }
  return { sorted: samples.subarray(0, n).sort(), missing };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(service, setup) {
  const clients = await connectClients(service.port, `campaign:${setup.campaignId}`);
  console.log(`${clients.length} clients joined; casting ${setup.plan.length} votes at ${VOTES_PER_SECOND}/s`);
  try {
    const { acks, seconds } = await castVotes(service.port, setup.plan);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the last coalesced tallies
    const messages = clients.reduce((sum, client) => sum + client.messages, 0);
    return { ...latencies(acks, clients), seconds, messages };
  } finally {
    for (const client of clients) client.socket.disconnect();
  }
}

async function main() {
  const databasePath = tempDatabasePath('realtime');
  await (await startService(databasePath)).stop(); // migrates the fresh file
  const { campaignId, ideaIds, voters } = seed(databasePath);
  const service = await startService(databasePath);
  const deadline = setTimeout(() => {
    console.error(`realtime benchmark still running after ${DEADLINE_MS / 1000} s: stopping`);
    service.child.kill('SIGKILL');
    process.exit(1);
  }, DEADLINE_MS);
  let measured;
  try {
    measured = await run(service, { campaignId, plan: votePlan(ideaIds, voters) });
  } finally {
    await service.stop();
    clearTimeout(deadline);
  }
  const { sorted, missing, seconds, messages } = measured;
  const result = {
    measuredAt: new Date().toISOString(),
    clients: CLIENTS,
    ideas: IDEAS,
    votesPerSecond: VOTES_PER_SECOND,
    votes: voters.length * IDEAS,
    votingSeconds: Number(seconds.toFixed(2)),
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    p99Ms: Number(percentile(sorted, 99).toFixed(1)),
    messagesPerClientPerSecond: Number((messages / CLIENTS / seconds).toFixed(2)),
    samples: sorted.length,
    votesNeverSeen: missing,
  };
  console.log(result);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'realtime.json'), `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
