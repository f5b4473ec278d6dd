'use strict';
// The results of a closed campaign with 10,000 ideas: the close itself (ranking and awards written in
// one transaction) and then GET /results under load, against the node:http baseline of the same run.
const Database = require('better-sqlite3');
const http = require('node:http');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { startService, startBaseline, accessToken, measure, tempDatabasePath } = require('./lib');
const { seedUsers, seedCampaign, seedVotes, iso } = require('./seed');

function seed(databasePath) {
  const db = new Database(databasePath);
  const now = Date.now();
  const [owner, ...authors] = seedUsers(db, 201, iso(now - 30 * 86400000));
  const voters = seedUsers(db, 1000, iso(now - 30 * 86400000));
  const campaign = seedCampaign(db, { ownerId: owner, ideas: 10_000, authors, now, status: 'judging' });
  seedVotes(db, { ...campaign, voterIds: voters, votesPerVoter: 20, now });
  db.prepare('UPDATE campaigns SET incentives = ? WHERE id = ?').run(JSON.stringify({ currency: 'IDR', prizes: [{ rank: 1, amount: 1000000 }, { rank: 2, amount: 500000 }, { rank: 3, amount: 250000 }], points: { published: 10, shortlisted: 20, winner: 50 } }), campaign.campaignId);
  db.close();
  return { owner, campaignId: campaign.campaignId };
}

function close(port, campaignId, owner) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: `/api/campaigns/${campaignId}/status`, headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken(owner)}` } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`close answered ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end('{"status":"closed"}');
  });
}

async function main() {
  const databasePath = tempDatabasePath('results');
  await (await startService(databasePath)).stop(); // migrates the fresh file
  const { owner, campaignId } = seed(databasePath);
  const baseline = await startBaseline();
  const service = await startService(databasePath);
  try {
    const closeMs = await close(service.port, campaignId, owner);
    const base = await measure('baseline node:http', { url: `http://127.0.0.1:${baseline.port}/`, duration: 5 });
    const results = await measure('GET results, 10,000 ideas', { url: `http://127.0.0.1:${service.port}/api/campaigns/${campaignId}/results`, duration: 5, connections: 1 });
    const report = { measuredAt: new Date().toISOString(), closeMs: Number(closeMs.toFixed(1)), baseline: base, results: { ...results, ratioToBaseline: Number((results.requestsPerSecond / base.requestsPerSecond).toFixed(4)) } };
    console.log(report);
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'results-endpoint.json'), JSON.stringify(report, null, 2));
  } finally {
    await service.stop();
    await baseline.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
