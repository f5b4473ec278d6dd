'use strict';
// 1,000 socket.io clients in one campaign room while votes arrive at 200 a second: the time from a
// vote's HTTP acknowledgement to each client receiving that tally, and messages per client per second.
const Database = require('better-sqlite3');
const http = require('node:http');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { io } = require('socket.io-client');
const { startService, accessToken, tempDatabasePath } = require('./lib');
const { seedUsers, seedCampaign, iso } = require('./seed');

const CLIENTS = 1000;
const VOTES_PER_SECOND = 200;
const SECONDS = 10;

function seed(databasePath) {
  const db = new Database(databasePath);
  const now = Date.now();
  const [owner, author] = seedUsers(db, 2, iso(now - 30 * 86400000));
  const voters = seedUsers(db, VOTES_PER_SECOND * SECONDS, iso(now - 30 * 86400000));
  const campaign = seedCampaign(db, { ownerId: owner, ideas: 1, authors: [author], now });
  db.close();
  return { campaignId: campaign.campaignId, ideaId: campaign.ideaIds[0], voters };
}

function vote(port, ideaId, voterId) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'PUT', path: `/api/ideas/${ideaId}/vote`, headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(voterId)}` } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`vote ${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.end('{"value":1}');
  });
}

async function connectClients(port, room, onTally) {
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    const socket = io(`http://127.0.0.1:${port}/live`, { transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject); });
    const ack = await socket.timeout(5000).emitWithAck('join', { room });
    if (!ack.ok) throw new Error(`join refused: ${ack.error}`);
    socket.on('tally.updated', (payload) => onTally(payload, performance.now()));
    clients.push(socket);
  }
  return clients;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const databasePath = tempDatabasePath('realtime');
  await (await startService(databasePath)).stop(); // migrates the fresh file
  const { campaignId, ideaId, voters } = seed(databasePath);
  const service = await startService(databasePath);
  const ackAt = new Map();
  const latencies = [];
  let messages = 0;
  const clients = await connectClients(service.port, `campaign:${campaignId}`, (payload, at) => {
    messages += 1;
    const acked = ackAt.get(payload.tally.up);
    if (acked !== undefined) latencies.push(at - acked);
  });
  const started = performance.now();
  const pending = [];
  for (let i = 0; i < voters.length; i++) {
    const due = started + (i * 1000) / VOTES_PER_SECOND;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(vote(service.port, ideaId, voters[i]).then((result) => ackAt.set(result.tally.up, performance.now())));
  }
  await Promise.all(pending);
  await new Promise((r) => setTimeout(r, 1000));
  const elapsedSeconds = (performance.now() - started) / 1000;
  for (const socket of clients) socket.disconnect();
  await service.stop();
  const sorted = latencies.filter((l) => l >= 0).sort((a, b) => a - b);
  const result = {
    measuredAt: new Date().toISOString(),
    clients: CLIENTS,
    votesPerSecond: VOTES_PER_SECOND,
    votes: voters.length,
    p50Ms: Number(percentile(sorted, 50).toFixed(1)),
    p95Ms: Number(percentile(sorted, 95).toFixed(1)),
    messagesPerClientPerSecond: Number((messages / CLIENTS / elapsedSeconds).toFixed(2)),
    samples: sorted.length,
  };
  console.log(result);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'realtime.json'), JSON.stringify(result, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
