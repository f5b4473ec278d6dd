import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource } from 'typeorm';
import { DomainEventMap, DomainEventName } from '../../src/common/events/domain-events';
import { Idea } from '../../src/modules/ideas/idea.entity';
import { IdeaFlag } from '../../src/modules/moderation/idea-flag.entity';
import { ContributorReputation } from '../../src/modules/quality-control/contributor-reputation.entity';
import { IdeaFingerprint } from '../../src/modules/quality-control/idea-fingerprint.entity';
import { ModerationAudit } from '../../src/modules/quality-control/moderation-audit.entity';
import { User } from '../../src/modules/users/user.entity';
import { Vote } from '../../src/modules/votes/vote.entity';
import type { Actor } from './factories';
import type { TestApp } from './test-app';

export interface IdeaText {
  title: string;
  description: string;
}

/**
 * ALGORITHMS.md §1's test vector, split into title and description so that `title + " " + description`
 * is exactly the vector's text: character 5-gram Jaccard 27/64 = 0.421875, the similar band.
 */
export const KOPI_ORIGINAL: IdeaText = { title: 'Kemasan kopi bubuk', description: 'dengan zipper, agar tetap segar!' };
export const KOPI_SIMILAR: IdeaText = { title: 'kemasan kopi bubuk', description: 'pakai zipper supaya tetap segar' };
/** A near-copy of KOPI_ORIGINAL: J = 0.818182, the likely-duplicate band, yet not an exact duplicate. */
export const KOPI_NEAR_COPY: IdeaText = { title: 'Kemasan kopi bubuk', description: 'dengan zipper, agar tetap segar dan wangi!' };
export const KOPI_SIMILARITY = 27 / 64;

/** Unrelated to the kopi texts (J < 0.1) and to each other. */
export const UNRELATED: IdeaText[] = [
  { title: 'Botol kaca bekas untuk sambal', description: 'Sambal bawang dijual dalam botol kaca bekas yang disterilkan, dengan label tangan.' },
  { title: 'Paket hampers kantor lebaran', description: 'Keripik singkong, kue kering dan teh melati dalam kotak kardus daur ulang bergambar.' },
  { title: 'Langganan mingguan lewat WhatsApp', description: 'Pelanggan setia memesan ulang tiap Jumat; kurir ojek mengantar ke rumah sebelum siang.' },
];

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get(DataSource);
}

export async function submitText(t: TestApp, author: Actor, campaignId: string, text: IdeaText, expected = 201) {
  const res = await t.http.post(`/api/campaigns/${campaignId}/ideas`).set(author.auth).send(text).expect(expected);
  return res.body;
}

export async function decide(t: TestApp, owner: Actor, ideaId: string, body: Record<string, unknown>, expected = 200) {
  const res = await t.http.post(`/api/ideas/${ideaId}/moderation`).set(owner.auth).send(body).expect(expected);
  return res.body;
}

export async function upVote(t: TestApp, voter: Actor, ideaId: string): Promise<void> {
  await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
}

/** Sets a contributor's beta-reputation evidence directly: r good and s bad outcomes. */
export async function setReputation(t: TestApp, userId: string, good: number, bad: number): Promise<void> {
  await dataSourceOf(t).getRepository(ContributorReputation).upsert({ userId, good, bad, updatedAt: t.clock.now() }, ['userId']);
}

export async function reputationOf(t: TestApp, userId: string): Promise<{ good: number; bad: number }> {
  const row = await dataSourceOf(t).getRepository(ContributorReputation).findOneBy({ userId });
  return { good: row?.good ?? 0, bad: row?.bad ?? 0 };
}

/** Makes accounts older than the 24 hours a flag needs to weigh anything. */
export async function ageAccounts(t: TestApp, users: Actor[], hours = 25): Promise<void> {
  const createdAt = new Date(t.clock.now().getTime() - hours * 3600 * 1000);
  for (const user of users) await dataSourceOf(t).getRepository(User).update({ id: user.id }, { createdAt });
}

export async function ideaRow(t: TestApp, ideaId: string): Promise<Idea> {
  return dataSourceOf(t).getRepository(Idea).findOneByOrFail({ id: ideaId });
}

export async function auditOf(t: TestApp, ideaId: string): Promise<ModerationAudit[]> {
  return dataSourceOf(t).getRepository(ModerationAudit).find({ where: { ideaId }, order: { at: 'ASC', decision: 'ASC' } });
}

export async function flagsOf(t: TestApp, ideaId: string): Promise<IdeaFlag[]> {
  return dataSourceOf(t).getRepository(IdeaFlag).findBy({ ideaId });
}

export async function counts(t: TestApp, campaignId: string): Promise<{ ideas: number; fingerprints: number; audit: number; flags: number }> {
  const ds = dataSourceOf(t);
  return {
    ideas: await ds.getRepository(Idea).countBy({ campaignId }),
    fingerprints: await ds.getRepository(IdeaFingerprint).countBy({ campaignId }),
    audit: await ds.getRepository(ModerationAudit).countBy({ campaignId }),
    flags: await ds.getRepository(IdeaFlag).countBy({ campaignId }),
  };
}

/** Ideas of a campaign whose stored tally differs from their valid vote rows (up-vote campaigns). */
export async function tallyMismatches(t: TestApp, campaignId: string): Promise<string[]> {
  const ds = dataSourceOf(t);
  const ideas = await ds.getRepository(Idea).findBy({ campaignId });
  const votes = await ds.getRepository(Vote).findBy({ campaignId, valid: true });
  return ideas
    .filter((idea) => {
      const rows = votes.filter((v) => v.ideaId === idea.id);
      return idea.votersCount !== rows.length || idea.upCount !== rows.filter((v) => v.value === 1).length;
    })
    .map((idea) => idea.id);
}

/** Collects the payloads of one domain event while the suite runs. */
export function captureEvents<K extends DomainEventName>(t: TestApp, name: K): Array<DomainEventMap[K]> {
  const seen: Array<DomainEventMap[K]> = [];
  t.app.get(EventEmitter2).on(name, (payload: DomainEventMap[K]) => seen.push(payload));
  return seen;
}

export async function notificationsOf(t: TestApp, user: Actor): Promise<Array<{ kind: string; payload: Record<string, unknown> }>> {
  const res = await t.http.get('/api/me/notifications?limit=100').set(user.auth).expect(200);
  return res.body.items;
}
