'use strict';
// npm run bench: the core endpoints against a bare node:http baseline measured in the same run.
const Database = require('better-sqlite3');
const { existsSync, mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startService, startBaseline, accessToken, measure, tempDatabasePath } = require('./lib');
const { seedUsers, seedCampaign, seedVotes, tallyMismatches, iso } = require('./seed');

const IDEAS = 10_000;
const SEEDED_VOTERS = 10_000;
const VOTES_PER_VOTER = 100; // 1,000,000 votes
const FRESH_VOTERS = 60_000;

async function migrate(databasePath) {
  const service = await startService(databasePath);
  await service.stop();
}

function seed(databasePath) {
  const db = new Database(databasePath);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const [owner, ...authors] = seedUsers(db, 101, iso(now - 30 * 86400000));
  const seededVoters = seedUsers(db, SEEDED_VOTERS, iso(now - 30 * 86400000));
  const freshVoters = seedUsers(db, FRESH_VOTERS, iso(now - 30 * 86400000));
  const big = seedCampaign(db, { ownerId: owner, ideas: IDEAS, authors, now });
  seedVotes(db, { ...big, voterIds: seededVoters, votesPerVoter: VOTES_PER_VOTER, now });
  const small = seedCampaign(db, { ownerId: owner, ideas: IDEAS, authors, now });
  seedVotes(db, { ...small, voterIds: seededVoters.slice(0, 1000), votesPerVoter: 1, now });
  db.close();
  return { big, small, freshVoters };
}

/** Each request a new (voter, idea) pair, so every vote is an insert with its tally update. */
function voteRequests(campaign, voters) {
  // Signed up front: the load generator shares the machine with the service and should not spend it on HMACs.
  const tokens = voters.map((voter) => `Bearer ${accessToken(voter)}`);
  let next = 0;
  return [
    {
      method: 'PUT',
      setupRequest: (request) => {
        const n = next++;
        const idea = campaign.ideaIds[(n * 7919) % campaign.ideaIds.length];
        return { ...request, path: `/api/ideas/${idea}/vote`, headers: { 'content-type': 'application/json', authorization: tokens[n % tokens.length] }, body: '{"value":1}' };
      },
    },
  ];
}

async function main() {
  const databasePath = tempDatabasePath('core');
  console.log(`seeding ${IDEAS} ideas and ${SEEDED_VOTERS * VOTES_PER_VOTER} votes into ${databasePath}`);
  await migrate(databasePath);
  const { big, small, freshVoters } = seed(databasePath);
  const baseline = await startBaseline();
  const service = await startService(databasePath);
  const url = (p) => `http://127.0.0.1:${service.port}${p}`;
  const results = [];
  try {
    results.push(await measure('baseline node:http', { url: `http://127.0.0.1:${baseline.port}/` }));
    // Reads first, on the seeded data; the votes last, so no write phase's aftermath weighs on a read.
    results.push(await measure('leaderboard top 50, 1,000,000 votes', { url: url(`/api/campaigns/${big.campaignId}/leaderboard?limit=50`), service }));
    results.push(await measure('leaderboard top 50, 1,000 votes', { url: url(`/api/campaigns/${small.campaignId}/leaderboard?limit=50`), service }));
    results.push(await measure('idea list page (sort=top, 20)', { url: url(`/api/campaigns/${big.campaignId}/ideas?sort=top&limit=20`), service }));
    results.push(await measure('vote (PUT /api/ideas/:id/vote)', { url: url('/'), requests: voteRequests(big, freshVoters), service }));
  } finally {
    await service.stop();
    await baseline.stop();
  }
  const base = results[0].requestsPerSecond;
  const report = results.map((r) => ({ ...r, ratioToBaseline: Number((r.requestsPerSecond / base).toFixed(3)) }));
  const mismatches = tallyMismatches(databasePath);
  // Mean latency, not p50: autocannon's percentiles are whole milliseconds, too coarse for a 1–2 ms read.
  const leaderboardFlatness = Number((report[1].meanMs / report[2].meanMs).toFixed(2));
  console.table(report.map((r) => ({ endpoint: r.name, 'req/s': Math.round(r.requestsPerSecond), 'p50 ms': r.p50Ms, 'p99 ms': r.p99Ms, ratio: r.ratioToBaseline, 'non-2xx': r.non2xx, 'service CPU ms/req': r.serviceCpuMsPerRequest ?? '' })));
  console.log(`tallies that differ from their rows after the run: ${mismatches}`);
  console.log(`leaderboard mean latency at 1,000,000 votes / at 1,000 votes: ${leaderboardFlatness}`);
  mkdirSync(path.join(__dirname, 'results'), { recursive: true });
  writeFileSync(path.join(__dirname, 'results', 'latest.json'), JSON.stringify({ measuredAt: new Date().toISOString(), results: report, tallyMismatches: mismatches, leaderboardFlatness }, null, 2));
  runOtherBenchmarks();
  if (mismatches > 0) process.exitCode = 1;
}

/** The benchmarks of the other modules, each a script of its own with its own results file. */
function runOtherBenchmarks() {
  for (const script of ['submission.js', 'results-endpoint.js', 'evaluation.js', 'realtime.js']) {
    const file = path.join(__dirname, script);
    if (!existsSync(file)) continue;
    console.log(`\n--- ${script}`);
    const outcome = spawnSync(process.execPath, [file], { stdio: 'inherit' });
    if (outcome.status !== 0) process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
