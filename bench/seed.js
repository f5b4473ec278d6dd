'use strict';
// Seeds a migrated SQLite file directly: users, a business, campaigns, ideas and votes with their tallies.
const Database = require('better-sqlite3');
const { randomUUID } = require('node:crypto');

const PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2VlZHNlZWRzZWVk$bm90LWEtcmVhbC1oYXNoLWp1c3QtYmVuY2g'; // never used to sign in

function iso(ms) {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function seedUsers(db, count, createdAt) {
  const insert = db.prepare('INSERT INTO users (id, displayName, email, phone, passwordHash, roles, locale, createdAt) VALUES (?, ?, ?, NULL, ?, ?, ?, ?)');
  const ids = [];
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      insert.run(id, `Pengguna ${i}`, `u${i}-${id.slice(0, 8)}@bench.id`, PASSWORD_HASH, '["user"]', 'id', createdAt);
    }
  })();
  return ids;
}

function seedCampaign(db, { ownerId, ideas, authors, status = 'voting', now }) {
  const businessId = randomUUID();
  const campaignId = randomUUID();
  const created = iso(now - 86400000);
  db.prepare('INSERT INTO businesses (id, name, sector, scale, region, description, communityId, createdAt) VALUES (?, ?, ?, ?, ?, NULL, NULL, ?)').run(businessId, 'Keripik Bench', 'kuliner', 'mikro', 'Bantul', created);
  db.prepare('INSERT INTO business_owners (businessId, userId, createdAt) VALUES (?, ?, ?)').run(businessId, ownerId, created);
  const rules = { moderation: 'post', maxIdeasPerContributor: 100000, voteMode: 'up', crowdWeight: 1, juryWeight: 0, criteria: [], titleLength: { min: 10, max: 120 }, descriptionLength: { min: 30, max: 4000 }, maxLinks: 2, blockedTerms: [], duplicateThreshold: 0.7, similarThreshold: 0.4, flagHideThreshold: 3 };
  const incentives = { currency: 'IDR', prizes: [{ rank: 1, amount: 1000000 }], points: { published: 10, shortlisted: 20, winner: 50 } };
  db.prepare(
    `INSERT INTO campaigns (id, businessId, kind, title, problemStatement, category, status, visibility, submissionClosesAt, votingClosesAt, judgingClosesAt, rules, incentives, programId, cohortId, createdById, votersCount, ratingsCount, ratingsSum, ratingPriorMean, ratingPriorWeight, createdAt, updatedAt)
     VALUES (?, ?, 'product', 'Sayembara bench', 'Masalah kemasan yang cepat lembek di warung-warung desa', 'kemasan', ?, 'public', ?, ?, ?, ?, ?, NULL, NULL, ?, 0, 0, 0, 0, 1, ?, ?)`,
  ).run(campaignId, businessId, status, iso(now + 30 * 86400000), iso(now + 60 * 86400000), iso(now + 90 * 86400000), JSON.stringify(rules), JSON.stringify(incentives), ownerId, created, created);
  const insertIdea = db.prepare(
    `INSERT INTO ideas (id, campaignId, authorId, title, description, tags, status, contentHash, revision, upCount, downCount, ratingCount, ratingSum, votersCount, rankKey, qualityReport, duplicateOfId, statusReason, submittedAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, '[]', 'published', ?, 1, 0, 0, 0, 0, 0, 0, '{"duplicateOf":null,"similar":[],"violations":[]}', NULL, NULL, ?, ?)`,
  );
  const ideaIds = [];
  db.transaction(() => {
    for (let i = 0; i < ideas; i++) {
      const id = randomUUID();
      ideaIds.push(id);
      const at = iso(now - 3600000 + i);
      insertIdea.run(id, campaignId, authors[i % authors.length], `Ide kemasan nomor ${i}`, `Deskripsi ide nomor ${i} tentang kemasan ${id}`, id.replace(/-/g, '') + id.replace(/-/g, ''), at, at);
    }
  })();
  return { campaignId, ideaIds };
}

/** votesPerVoter consecutive ideas per voter; tallies and the campaign's voter count set to match. */
function seedVotes(db, { campaignId, ideaIds, voterIds, votesPerVoter, now }) {
  const insertVote = db.prepare(`INSERT INTO votes (ideaId, voterId, campaignId, value, valid, invalidReason, networkHash, deviceHash, createdAt, updatedAt) VALUES (?, ?, ?, 1, 1, NULL, NULL, NULL, ?, ?)`);
  const insertVoter = db.prepare('INSERT INTO campaign_voters (campaignId, voterId, firstVotedAt) VALUES (?, ?, ?)');
  const counts = new Map();
  const at = iso(now - 1800000);
  db.transaction(() => {
    voterIds.forEach((voterId, v) => {
      insertVoter.run(campaignId, voterId, at);
      for (let k = 0; k < votesPerVoter; k++) {
        const ideaId = ideaIds[(v * votesPerVoter + k) % ideaIds.length];
        insertVote.run(ideaId, voterId, campaignId, at, at);
        counts.set(ideaId, (counts.get(ideaId) ?? 0) + 1);
      }
    });
    const update = db.prepare('UPDATE ideas SET upCount = ?, votersCount = ?, rankKey = ? WHERE id = ?');
    for (const [ideaId, n] of counts) update.run(n, n, n, ideaId);
    db.prepare('UPDATE campaigns SET votersCount = ? WHERE id = ?').run(voterIds.length, campaignId);
  })();
}

/** Every idea's stored tally equals its valid vote rows. */
function tallyMismatches(databasePath) {
  const db = new Database(databasePath, { readonly: true });
  const row = db
    .prepare('SELECT COUNT(*) AS n FROM ideas i WHERE i.votersCount <> (SELECT COUNT(*) FROM votes v WHERE v.ideaId = i.id AND v.valid = 1)')
    .get();
  db.close();
  return row.n;
}

module.exports = { seedUsers, seedCampaign, seedVotes, tallyMismatches, iso };
