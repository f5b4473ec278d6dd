'use strict';
// Evaluation of one cohort of 5,000 participants (40-item pre- and post-test, 10-item survey, KPI
// baseline and follow-up), seeded straight into a fresh SQLite file, read through HTTP from the built
// service. Targets (issue 4): JSON under 1 s, HTML under 2 s; memory reported as the service's RSS.
const Database = require('better-sqlite3');
const { execFileSync } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { ensureBuilt, startService, accessToken, tempDatabasePath } = require('./lib');
const { seedUsers, iso } = require('./seed');

const PARTICIPANTS = 5000;
const TOPICS = ['pembukuan', 'pemasaran', 'pengemasan', 'hargapokok'];
const ITEMS_PER_TOPIC = 10; // 40 test items
const RUNS = 5;
const TARGET_MS = { json: 1000, html: 2000 };
const TIME_LIMIT_MS = 10 * 60 * 1000;

/** A small deterministic generator, so every run seeds the same cohort. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 4294967296;
  };
}


function testItems() {
  return TOPICS.flatMap((topic, t) =>
    Array.from({ length: ITEMS_PER_TOPIC }, (_, i) => ({
      key: `q${t * ITEMS_PER_TOPIC + i + 1}`, topic, prompt: `Soal ${topic} ${i + 1}`, type: 'choice',
      choices: ['a', 'b', 'c', 'd'], correct: 'a', points: 1, level: null, unit: null, direction: null,
    })),
  );
}

function surveyItems() {
  const likert = (key, level, prompt) => ({ key, topic: null, prompt, type: 'likert', choices: null, correct: null, points: null, level, unit: null, direction: null });
  return [
    ...Array.from({ length: 7 }, (_, i) => likert(`r${i + 1}`, 'reaction', `Penilaian ${i + 1}`)),
    { key: 'komentar', topic: null, prompt: 'Saran', type: 'text', choices: null, correct: null, points: null, level: 'reaction', unit: null, direction: null },
    likert('b1', 'behaviour', 'Saya mencatat pembukuan tiap hari'),
    likert('b2', 'behaviour', 'Saya memasarkan lewat WhatsApp Business'),
  ];
}

const KPI_KEYS = { revenue: 'juta Rp/bulan', customers: 'orang/bulan', production: 'unit/bulan', digitalChannels: 'kanal', marketingSpend: 'ribu Rp/bulan', leads: 'prospek/bulan', margin: 'ribu Rp', retention: '%', discountRate: '%' };

function kpiItems() {
  return Object.entries(KPI_KEYS).map(([key, unit]) => ({ key, topic: null, prompt: `KPI ${key}`, type: 'number', choices: null, correct: null, points: null, level: null, unit, direction: null }));
}

function insertFrame(db, now) {
  const at = iso(now - 86400000);
  const [trainerId] = seedUsers(db, 1, at);
  const participantIds = seedUsers(db, PARTICIPANTS, at);
  const programId = randomUUID();
  const cohortId = randomUUID();
  const topics = TOPICS.map((key) => ({ key, title: key[0].toUpperCase() + key.slice(1) }));
  db.prepare('INSERT INTO programs (id, title, description, topics, phase, needsCampaignId, createdById, createdAt, updatedAt) VALUES (?, ?, NULL, ?, ?, NULL, ?, ?, ?)')
    .run(programId, 'Program bench', JSON.stringify(topics), 'evaluation', trainerId, at, at);
  db.prepare('INSERT INTO program_trainers (programId, userId, createdAt) VALUES (?, ?, ?)').run(programId, trainerId, at);
  db.prepare('INSERT INTO cohorts (id, programId, name, startsAt, endsAt, previousCohortId, feedbackCampaignId, feedbackLinkedById, improvementActions, createdById, createdAt) VALUES (?, ?, ?, NULL, NULL, NULL, NULL, NULL, ?, ?, ?)')
    .run(cohortId, programId, 'Angkatan bench', '[]', trainerId, at);
  const enrol = db.prepare('INSERT INTO cohort_participants (cohortId, userId, businessId, enrolledAt) VALUES (?, ?, NULL, ?)');
  db.transaction(() => participantIds.forEach((id) => enrol.run(cohortId, id, at)))();
  const instrument = db.prepare('INSERT INTO instruments (id, cohortId, kind, title, timepoint, slot, opensAt, closesAt, items, createdById, createdAt) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?)');
  const make = (kind, timepoint, slot, items) => {
    const id = randomUUID();
    instrument.run(id, cohortId, kind, `${kind} ${timepoint ?? ''}`.trim(), timepoint, slot, JSON.stringify(items), trainerId, at);
    return id;
  };
  const tests = testItems();
  const ids = {
    pretest: make('pretest', null, 'pretest', tests),
    posttest: make('posttest', null, 'posttest', tests),
    survey: make('survey', null, null, surveyItems()),
    baseline: make('kpi', 'baseline', 'kpi:baseline', kpiItems()),
    followup: make('kpi', 'followup', 'kpi:followup', kpiItems()),
  };
  return { trainerId, participantIds, cohortId, ids, at };
}

/** Answers of participant `p`: an ability that rises after training, Likert around 4, KPIs that mostly grow. */
function answersOf(rand, tests) {
  const ability = 0.25 + 0.5 * rand();
  const gain = 0.05 + 0.3 * rand();
  const test = (level) => tests.map((item) => ({ itemKey: item.key, value: rand() < level ? 'a' : 'b' }));
  const likert = () => Math.max(1, Math.min(5, Math.round(3.6 + 1.2 * (rand() - 0.5) * 2)));
  const survey = [...Array.from({ length: 7 }, (_, i) => ({ itemKey: `r${i + 1}`, value: likert() })), { itemKey: 'b1', value: likert() }, { itemKey: 'b2', value: likert() }];
  if (rand() < 0.2) survey.push({ itemKey: 'komentar', value: 'Contoh soal perlu lebih banyak dan sesuai usaha kecil.' });
  const revenue = Math.round(5 + 60 * rand());
  const kpi = (growth) => [
    { itemKey: 'revenue', value: Math.round(revenue * growth) }, { itemKey: 'customers', value: Math.round((20 + 100 * rand()) * growth) },
    { itemKey: 'production', value: Math.round(100 + 500 * rand()) }, { itemKey: 'digitalChannels', value: Math.floor(4 * rand()) },
    { itemKey: 'marketingSpend', value: Math.round(100 + 400 * rand()) }, { itemKey: 'leads', value: Math.round((5 + 40 * rand()) * growth) },
    { itemKey: 'margin', value: Math.round(5 + 20 * rand()) }, { itemKey: 'retention', value: Math.round(30 + 60 * rand()) }, { itemKey: 'discountRate', value: 10 },
  ];
  return { pre: test(ability), post: test(Math.min(0.98, ability + gain)), survey, baseline: kpi(1), followup: kpi(0.9 + 0.4 * rand()) };
}

function seed(databasePath) {
  const db = new Database(databasePath);
  db.pragma('journal_mode = WAL');
  const frame = insertFrame(db, Date.now());
  const insert = db.prepare('INSERT INTO instrument_responses (id, instrumentId, cohortId, participantId, answers, submittedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const rand = random(20260301);
  const tests = testItems();
  db.transaction(() => {
    for (const participantId of frame.participantIds) {
      const answers = answersOf(rand, tests);
      for (const [kind, instrumentId] of Object.entries(frame.ids)) {
        insert.run(randomUUID(), instrumentId, frame.cohortId, participantId, JSON.stringify(answers[kind === 'pretest' ? 'pre' : kind === 'posttest' ? 'post' : kind]), frame.at, frame.at);
      }
    }
  })();
  const responses = db.prepare('SELECT COUNT(*) AS n FROM instrument_responses').get().n;
  db.close();
  return { ...frame, responses };
}

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const read = (field) => Number((status.match(new RegExp(`${field}:\\s+(\\d+) kB`)) || [])[1]) / 1024;
    return { rss: Number(read('VmRSS').toFixed(1)), peak: Number(read('VmHWM').toFixed(1)) };
  } catch {
    const rss = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
    return { rss: Number(rss.toFixed(1)), peak: null };
  }
}

/** One GET, timed to the last byte, compressed as a phone would ask for it. */
function timedGet(port, pathName, token) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const request = http.get({ host: '127.0.0.1', port, path: pathName, headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes }));
    });
    request.on('error', reject);
    request.setTimeout(60000, () => request.destroy(new Error(`timeout on ${pathName}`)));
  });
}

async function measure(port, name, pathName, token) {
  const warm = await timedGet(port, pathName, token);
  if (warm.status !== 200) throw new Error(`${name}: HTTP ${warm.status}`);
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push((await timedGet(port, pathName, token)).ms);
  const sorted = [...times].sort((a, b) => a - b);
  const round = (v) => Number(v.toFixed(1));
  return { name, path: pathName, firstMs: round(warm.ms), minMs: round(sorted[0]), medianMs: round(sorted[Math.floor(sorted.length / 2)]), maxMs: round(sorted[sorted.length - 1]), gzipBytes: warm.bytes };
}

function reportOf(seeded, results, before, after) {
  const [json, html] = results;
  return {
    measuredAt: new Date().toISOString(),
    cohort: { participants: PARTICIPANTS, testItems: TOPICS.length * ITEMS_PER_TOPIC, surveyItems: surveyItems().length, kpiItems: kpiItems().length, responses: seeded.responses },
    runsPerFormat: RUNS,
    results,
    targets: { jsonMedianMs: TARGET_MS.json, htmlMedianMs: TARGET_MS.html },
    withinTargets: json.medianMs < TARGET_MS.json && html.medianMs < TARGET_MS.html,
    memoryMb: { rssBefore: before.rss, rssAfter: after.rss, peakRss: after.peak },
  };
}

async function main() {
  const deadline = setTimeout(() => {
    console.error(`evaluation benchmark exceeded ${TIME_LIMIT_MS / 60000} minutes`);
    process.exit(1);
  }, TIME_LIMIT_MS);
  deadline.unref();
  ensureBuilt();
  const databasePath = tempDatabasePath('evaluation');
  const migrating = await startService(databasePath);
  await migrating.stop();
  const seedStarted = Date.now();
  const seeded = seed(databasePath);
  console.log(`seeded ${PARTICIPANTS} participants and ${seeded.responses} responses in ${Date.now() - seedStarted} ms into ${databasePath}`);
  const service = await startService(databasePath);
  const token = accessToken(seeded.trainerId);
  const base = `/api/cohorts/${seeded.cohortId}/evaluation`;
  try {
    const before = rssMb(service.child.pid);
    const json = await measure(service.port, 'evaluation JSON', base, token);
    const html = await measure(service.port, 'evaluation HTML', `${base}?format=html`, token);
    const csv = await measure(service.port, 'evaluation CSV', `${base}?format=csv`, token);
    const after = rssMb(service.child.pid);
    const report = reportOf(seeded, [json, html, csv], before, after);
    console.table(report.results.map((r) => ({ endpoint: r.name, 'first ms': r.firstMs, 'median ms': r.medianMs, 'max ms': r.maxMs, 'gzip bytes': r.gzipBytes })));
    console.log(`RSS before ${before.rss} MB, after ${after.rss} MB, peak ${after.peak} MB; within targets: ${report.withinTargets}`);
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'evaluation.json'), JSON.stringify(report, null, 2) + '\n');
    if (!report.withinTargets) process.exitCode = 1;
  } finally {
    await service.stop();
    rmSync(path.dirname(databasePath), { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
