import { JwtService } from '@nestjs/jwt';
import type { Socket } from 'socket.io-client';
import { DomainEvents } from '../../src/common/events/domain-events';
import { CohortRoomAccess } from '../../src/modules/realtime/cohort-room-access';
import { Actor, makeBusiness, campaignInput, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { connect, ConnectOptions, disconnected, eventually, join, leave, liveUrl, record, sleep } from '../support/realtime-sockets';
import { createTestAppOverriding } from '../support/realtime-test-app';
import { createTestApp, TestApp } from '../support/test-app';
import { enrol, makeCohort, makeProgram, registerUsers } from '../support/training-factories';

interface Tally {
  ideaId: string;
  tally: { up: number };
  score: number;
}

describe('live channel', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  const sockets: Socket[] = [];
  const open = async (options: ConnectOptions = {}) => {
    const socket = await connect(t, options);
    sockets.push(socket);
    return socket;
  };
  const refusal = (options: ConnectOptions) => connect(t, options).then((socket) => (socket.close(), 'connected'), (error: Error) => error.message);
  const signed = (claims: object, options: { secret?: string; audience?: string; expiresIn?: number } = {}) => {
    const { secret, issuer, audience } = t.config.jwt;
    return t.app.get(JwtService).sign(claims, { secret: options.secret ?? secret, issuer, audience: options.audience ?? audience, algorithm: 'HS256', expiresIn: options.expiresIn ?? 600 });
  };

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    [owner, author] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => t.close());

  describe('connection', () => {
    it('admits a client without a token as a listener of public campaigns', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const anonymous = await open();
      expect(await join(anonymous, `campaign:${campaignId}`)).toEqual({ ok: true });
    });

    it('refuses forged, foreign and malformed tokens', async () => {
      const [header, payload] = owner.token.split('.');
      const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
      expect(await refusal({ token: `${header}.${payload}.forged` })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: none })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: signed({ sub: owner.id }, { secret: 'another-secret-of-at-least-32-bytes!!' }) })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: signed({ sub: owner.id }, { audience: 'someone-else' }) })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: 'not-a-token' })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: '' })).toBe('UNAUTHORIZED');
      expect(await refusal({ token: signed({ sub: owner.id, roles: ['user'] }) })).toBe('connected');
    });

    it('refuses an expired token', async () => {
      expect(await refusal({ token: signed({ sub: owner.id, roles: ['user'] }, { expiresIn: -60 }) })).toBe('UNAUTHORIZED');
    });

    it('allows five sockets per user, refuses the sixth, and frees a place when one closes', async () => {
      const user = await registerUser(t);
      const five = await Promise.all(Array.from({ length: 5 }, () => open({ token: user.token })));
      expect(await refusal({ token: user.token })).toBe('TOO_MANY_SOCKETS');
      expect(await refusal({})).toBe('connected');
      five[0]!.disconnect();
      await sleep(100);
      expect(await refusal({ token: user.token })).toBe('connected');
    });
  });

  describe('listeners without an account', () => {
    it('holds at most LIVE_ANONYMOUS_SOCKETS of them, still admits signed-in users, and frees a place when one closes', async () => {
      // The same secret as the suite's app: passport keeps one 'jwt' strategy per process, the last app's.
      const small = await createTestApp({ listen: true, env: { LIVE_ANONYMOUS_SOCKETS: '2', JWT_SECRET: t.config.jwt.secret } });
      const opened: Socket[] = [];
      try {
        const user = await registerUser(small);
        const tryConnect = (options: ConnectOptions) => connect(small, options).then((socket) => (opened.push(socket), 'connected'), (error: Error) => error.message);
        expect(await tryConnect({})).toBe('connected');
        expect(await tryConnect({})).toBe('connected');
        expect(await tryConnect({})).toBe('TOO_MANY_LISTENERS');
        expect(await tryConnect({ token: user.token })).toBe('connected');
        opened[0]!.disconnect();
        await sleep(100);
        expect(await tryConnect({})).toBe('connected');
        expect(await tryConnect({})).toBe('TOO_MANY_LISTENERS');
      } finally {
        for (const socket of opened) socket.disconnect();
        await small.close();
      }
    });
  });

  describe('rooms', () => {
    it('acknowledges join and leave', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const anonymous = await open();
      expect(await join(anonymous, `campaign:${campaignId}`)).toEqual({ ok: true });
      expect(await leave(anonymous, `campaign:${campaignId}`)).toEqual({ ok: true });
      expect(await leave(anonymous, `campaign:${campaignId}`)).toEqual({ ok: false, error: 'ROOM_NOT_JOINED' });
    });

    it('refuses malformed rooms, the owners’ room by name, and cohorts to anonymous clients', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const socket = await open({ token: owner.token });
      expect(await join(socket, 'lobby')).toEqual({ ok: false, error: 'ROOM_INVALID' });
      expect(await join(socket, `campaign:${campaignId}:owners`)).toEqual({ ok: false, error: 'ROOM_INVALID' });
      expect(await join(socket, 'campaign:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
      expect(await leave(socket, socket.id!)).toEqual({ ok: false, error: 'ROOM_INVALID' });
      const anonymous = await open();
      expect(await join(anonymous, 'cohort:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    });

    it('admits to a private campaign its owners and members only, and to a draft its owners only', async () => {
      const [member, stranger] = await Promise.all([registerUser(t), registerUser(t)]);
      const privateId = await makeOpenCampaign(t, owner, { visibility: 'private' });
      await t.http.post(`/api/campaigns/${privateId}/members`).set(owner.auth).send({ userId: member.id, role: 'member' }).expect(201);
      const businessId = await makeBusiness(t, owner);
      const draft = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t)).expect(201);
      const [ownerSocket, memberSocket, strangerSocket, anonymous] = await Promise.all([
        open({ token: owner.token }),
        open({ token: member.token }),
        open({ token: stranger.token }),
        open(),
      ]);
      expect(await join(ownerSocket, `campaign:${privateId}`)).toEqual({ ok: true });
      expect(await join(memberSocket, `campaign:${privateId}`)).toEqual({ ok: true });
      expect(await join(strangerSocket, `campaign:${privateId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
      expect(await join(anonymous, `campaign:${privateId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
      expect(await join(ownerSocket, `campaign:${draft.body.id}`)).toEqual({ ok: true });
      expect(await join(strangerSocket, `campaign:${draft.body.id}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    });

    it('admits only the cohort’s trainers to its room and sends them response counts', async () => {
      const [trainer, participant] = await registerUsers(t, 2);
      const program = await makeProgram(t, trainer!);
      const cohortId = await makeCohort(t, trainer!, program.id);
      await enrol(t, trainer!, cohortId, [participant!]);
      const survey = await t.http
        .post(`/api/cohorts/${cohortId}/instruments`)
        .set(trainer!.auth)
        .send({ kind: 'survey', title: 'Reaksi', items: [{ key: 's1', prompt: 'Materi jelas', type: 'likert', level: 'reaction' }] })
        .expect(201);
      const trainerSocket = await open({ token: trainer!.token });
      const participantSocket = await open({ token: participant!.token });
      expect(await join(trainerSocket, `cohort:${cohortId}`)).toEqual({ ok: true });
      expect(await join(participantSocket, `cohort:${cohortId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
      const counts = record(trainerSocket, 'responses.count');
      await t.http.post(`/api/instruments/${survey.body.id}/responses`).set(participant!.auth).send({ answers: [{ itemKey: 's1', value: 4 }] }).expect(201);
      await eventually(() => counts.length > 0);
      expect(counts).toEqual([[expect.objectContaining({ cohortId, count: 1 })]]);
    });
  });

  describe('events', () => {
    it('delivers a vote as tally.updated with the idea’s tally and score', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideaId = await submitIdea(t, author, campaignId);
      const listener = await open();
      await join(listener, `campaign:${campaignId}`);
      const tallies = record<Tally>(listener, 'tally.updated');
      const voter = await registerUser(t);
      const vote = await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
      await eventually(() => tallies.length > 0);
      expect(tallies).toEqual([[{ ideaId, tally: vote.body.tally, score: vote.body.score }]]);
    });

    it('coalesces 100 votes within a second into at most 5 messages, the last one exact', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideaId = await submitIdea(t, author, campaignId);
      const listener = await open();
      await join(listener, `campaign:${campaignId}`);
      const arrivals: number[] = [];
      const tallies = record<Tally>(listener, 'tally.updated');
      listener.on('tally.updated', () => arrivals.push(Date.now()));
      const voters = await Promise.all(Array.from({ length: 100 }, () => registerUser(t)));
      const started = Date.now();
      await Promise.all(voters.map((voter) => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200)));
      const elapsed = Date.now() - started;
      await sleep(600);
      // one message at once, then at most one per 250 ms while the votes keep coming
      expect(tallies.length).toBeLessThanOrEqual(elapsed <= 1000 ? 5 : Math.ceil(elapsed / 250) + 1);
      expect(tallies.at(-1)).toEqual([expect.objectContaining({ ideaId, tally: expect.objectContaining({ up: 100 }) })]);
      // sent 250 ms apart; the margin absorbs this process being busy with the votes it serves
      for (let k = 1; k < arrivals.length; k++) expect(arrivals[k]! - arrivals[k - 1]!).toBeGreaterThanOrEqual(100);
    }, 60_000);

    it('carries the changes of several ideas in one message, the latest of each', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const ideas = [await submitIdea(t, author, campaignId), await submitIdea(t, author, campaignId)];
      const listener = await open();
      await join(listener, `campaign:${campaignId}`);
      const tallies = record<Tally>(listener, 'tally.updated');
      const voters = await Promise.all(Array.from({ length: 6 }, () => registerUser(t)));
      await Promise.all(voters.flatMap((voter) => ideas.map((ideaId) => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200))));
      await sleep(600);
      expect(tallies.some((message) => message.length === 2)).toBe(true);
      const latest = new Map(tallies.flat().map((update) => [update.ideaId, update.tally.up]));
      expect(Object.fromEntries(latest)).toEqual({ [ideas[0]!]: 6, [ideas[1]!]: 6 });
    });

    it('sends moderation.queue to the owners only, not to a stranger in the same room', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const stranger = await registerUser(t);
      const [ownerSocket, strangerSocket] = await Promise.all([open({ token: owner.token }), open({ token: stranger.token })]);
      await join(ownerSocket, `campaign:${campaignId}`);
      await join(strangerSocket, `campaign:${campaignId}`);
      const ownerEvents = record(ownerSocket, 'moderation.queue');
      const strangerEvents = record(strangerSocket, 'moderation.queue');
      const ideaId = await submitIdea(t, author, campaignId);
      await eventually(() => ownerEvents.length > 0);
      await sleep(100);
      expect(ownerEvents).toEqual([[expect.objectContaining({ campaignId, ideaId })]]);
      expect(strangerEvents).toEqual([]);
    });

    it('stops the owners’ events when the owner leaves the campaign room', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const ownerSocket = await open({ token: owner.token });
      await join(ownerSocket, `campaign:${campaignId}`);
      expect(await leave(ownerSocket, `campaign:${campaignId}`)).toEqual({ ok: true });
      const events = record(ownerSocket, 'moderation.queue');
      await submitIdea(t, author, campaignId);
      await sleep(300);
      expect(events).toEqual([]);
    });

    it('names an idea the public may not see to its owners only', async () => {
      const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
      const ideaId = await submitIdea(t, author, campaignId);
      const [ownerSocket, anonymous] = await Promise.all([open({ token: owner.token }), open()]);
      await join(ownerSocket, `campaign:${campaignId}`);
      await join(anonymous, `campaign:${campaignId}`);
      const ownerEvents = record(ownerSocket, 'idea.updated');
      const publicEvents = record(anonymous, 'idea.updated');
      await t.http.post(`/api/ideas/${ideaId}/moderation`).set(owner.auth).send({ decision: 'reject', reason: 'Di luar topik' }).expect(200);
      await eventually(() => ownerEvents.length > 0 && publicEvents.length > 0);
      await sleep(100);
      expect(ownerEvents).toEqual([[expect.objectContaining({ ideaId, status: 'rejected', title: expect.any(String) })]]);
      expect(publicEvents).toEqual([[{ campaignId, ideaId, status: 'rejected' }]]);
    });

    it('broadcasts published ideas and status moves to the campaign room', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const listener = await open();
      await join(listener, `campaign:${campaignId}`);
      const published = record<{ ideaId: string }>(listener, 'idea.published');
      const statuses = record<{ to: string }>(listener, 'campaign.status');
      const ideaId = await submitIdea(t, author, campaignId);
      await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
      await eventually(() => published.length > 0 && statuses.length > 0);
      expect(published).toEqual([[expect.objectContaining({ campaignId, ideaId })]]);
      expect(statuses).toEqual([[expect.objectContaining({ campaignId, from: 'open', to: 'voting' })]]);
    });
  });

  describe('limits', () => {
    it('closes a socket that sends a message over 16 KB', async () => {
      const socket = await open();
      const gone = disconnected(socket);
      socket.emit('join', { room: 'x'.repeat(20 * 1024) });
      expect(await gone).toMatch(/transport (close|error)/);
    });

    it('disconnects a flooding client while HTTP and other sockets keep working', async () => {
      const campaignId = await makeOpenCampaign(t, owner);
      const [flooder, bystander] = await Promise.all([open(), open()]);
      await join(bystander, `campaign:${campaignId}`);
      const statuses = record(bystander, 'campaign.status');
      const gone = disconnected(flooder);
      for (let k = 0; k < 500; k++) flooder.emit('leave', { room: 'lobby' });
      const started = Date.now();
      const [reason] = await Promise.all([gone, t.http.get(`/api/campaigns/${campaignId}`).expect(200)]);
      expect(reason).toBe('io server disconnect');
      expect(Date.now() - started).toBeLessThan(2000);
      await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
      await eventually(() => statuses.length > 0);
      expect(bystander.connected).toBe(true);
      expect(statuses).toHaveLength(1);
    });

    it('keeps a polite client that sends twenty messages in ten seconds', async () => {
      const socket = await open();
      for (let k = 0; k < 20; k++) await leave(socket, 'lobby');
      expect(socket.connected).toBe(true);
    });
  });
});

describe('live channel origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ listen: true, env: { CORS_ORIGINS: 'https://sayembara.id' } });
  });
  afterAll(() => t.close());

  const attempt = (origin?: string) =>
    connect(t, { origin }).then(
      (socket) => (socket.close(), true),
      () => false,
    );

  it('admits browsers of the configured origins and of the service’s own, and clients without an Origin', async () => {
    expect(await attempt('https://sayembara.id')).toBe(true);
    expect(await attempt(new URL(liveUrl(t)).origin)).toBe(true);
    expect(await attempt(undefined)).toBe(true);
  });

  it('refuses browsers of other origins', async () => {
    expect(await attempt('https://evil.example')).toBe(false);
    expect(await attempt('null')).toBe(false);
  });
});

describe('cohort rooms through the CohortRoomAccess port', () => {
  const cohortId = '7d4c2b1a-0f9e-4d8c-8b7a-6a5b4c3d2e1f';
  let t: TestApp;
  let trainer: Actor;
  let other: Actor;
  const access = { mayJoin: jest.fn((cohort: string, userId: string) => Promise.resolve(cohort === cohortId && userId === trainer.id)) };
  const sockets: Socket[] = [];

  beforeAll(async () => {
    t = await createTestAppOverriding(CohortRoomAccess, access, { listen: true });
    [trainer, other] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('admits whom the port admits, asks it with the cohort and the user, and never for anonymous clients', async () => {
    sockets.push(...(await Promise.all([connect(t, { token: trainer.token }), connect(t, { token: other.token }), connect(t)])));
    const [trainerSocket, otherSocket, anonymous] = sockets as [Socket, Socket, Socket];
    expect(await join(trainerSocket, `cohort:${cohortId}`)).toEqual({ ok: true });
    expect(await join(otherSocket, `cohort:${cohortId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    expect(await join(anonymous, `cohort:${cohortId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    expect(access.mayJoin.mock.calls).toEqual([
      [cohortId, trainer.id],
      [cohortId, other.id],
    ]);
  });

  it('sends a cohort’s response counts to the sockets in its room only', async () => {
    const [trainerSocket, otherSocket] = sockets as [Socket, Socket];
    const trainerCounts = record(trainerSocket, 'responses.count');
    const otherCounts = record(otherSocket, 'responses.count');
    t.app.get(DomainEvents).emit('responses.count', { cohortId, instrumentId: '9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b', count: 3 });
    await eventually(() => trainerCounts.length > 0);
    await sleep(100);
    expect(trainerCounts).toEqual([[expect.objectContaining({ cohortId, count: 3 })]]);
    expect(otherCounts).toEqual([]);
  });
});
