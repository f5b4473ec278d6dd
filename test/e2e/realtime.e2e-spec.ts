import { io, Socket } from 'socket.io-client';
import { createTestApp, TestApp } from '../support/test-app';
import { JwtService } from '@nestjs/jwt';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';
import { enrol, makeCohort, makeProgram, registerUsers } from '../support/training-factories';

function connect(t: TestApp, token?: string): Promise<Socket> {
  const address = t.app.getHttpServer().address() as { port: number };
  const socket = io(`http://127.0.0.1:${address.port}/live`, { transports: ['websocket'], auth: token === undefined ? {} : { token }, reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      // the server refuses after accepting the transport: give it a moment to say so
      setTimeout(() => (socket.connected ? resolve(socket) : reject(new Error('disconnected'))), 100);
    });
    socket.once('connect_error', reject);
  });
}

function request(socket: Socket, event: 'join' | 'leave', room: string): Promise<{ ok: boolean; error?: string }> {
  return socket.timeout(2000).emitWithAck(event, { room });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('live channel', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  const sockets: Socket[] = [];
  const open = async (token?: string) => {
    const socket = await connect(t, token);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp({ listen: true });
    [owner, author] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
  });
  afterAll(() => t.close());

  it('acknowledges join and leave, and refuses unknown or private rooms', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const privateCampaign = await makeOpenCampaign(t, owner, { visibility: 'private' });
    const anonymous = await open();
    expect(await request(anonymous, 'join', `campaign:${campaignId}`)).toEqual({ ok: true });
    expect(await request(anonymous, 'leave', `campaign:${campaignId}`)).toEqual({ ok: true });
    expect(await request(anonymous, 'leave', `campaign:${campaignId}`)).toEqual({ ok: false, error: 'ROOM_NOT_JOINED' });
    expect(await request(anonymous, 'join', `campaign:${privateCampaign}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    expect(await request(anonymous, 'join', 'lobby')).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    expect(await request(anonymous, 'join', 'cohort:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
  });

  it('refuses a forged token', async () => {
    const [header, payload] = owner.token.split('.');
    await expect(connect(t, `${header}.${payload}.forged`)).rejects.toThrow();
    await expect(connect(t, 'not-a-token')).rejects.toThrow();
  });

  it('refuses an expired token', async () => {
    const { secret, issuer, audience } = t.config.jwt;
    const expired = t.app.get(JwtService).sign({ sub: owner.id, roles: ['user'] }, { secret, issuer, audience, algorithm: 'HS256', expiresIn: -60 });
    await expect(connect(t, expired)).rejects.toThrow();
  });

  it('closes a socket that sends a message over 16 KB', async () => {
    const socket = await open();
    const gone = new Promise<string>((resolve) => socket.on('disconnect', (reason) => resolve(reason)));
    socket.emit('join', { room: 'x'.repeat(20 * 1024) });
    expect(await gone).toMatch(/transport (close|error)/);
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
    const trainerSocket = await open(trainer!.token);
    const participantSocket = await open(participant!.token);
    expect(await request(trainerSocket, 'join', `cohort:${cohortId}`)).toEqual({ ok: true });
    expect(await request(participantSocket, 'join', `cohort:${cohortId}`)).toEqual({ ok: false, error: 'ROOM_FORBIDDEN' });
    const counts: Array<{ count: number }> = [];
    trainerSocket.on('responses.count', (e: { count: number }) => counts.push(e));
    await t.http.post(`/api/instruments/${survey.body.id}/responses`).set(participant!.auth).send({ answers: [{ itemKey: 's1', value: 4 }] }).expect(201);
    await sleep(200);
    expect(counts).toEqual([expect.objectContaining({ cohortId, count: 1 })]);
  });

  it('delivers a vote as tally.updated, and coalesces a burst into a few exact messages', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const listener = await open();
    await request(listener, 'join', `campaign:${campaignId}`);
    const received: Array<{ ideaId: string; tally: { up: number } }> = [];
    listener.on('tally.updated', (payload: { ideaId: string; tally: { up: number } }) => received.push(payload));
    const voters = await Promise.all(Array.from({ length: 100 }, () => registerUser(t)));
    const started = Date.now();
    await Promise.all(voters.map((voter) => t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200)));
    const elapsed = Date.now() - started;
    await sleep(600);
    expect(received.length).toBeGreaterThan(0);
    // at most four flushes a second: 100 votes inside one second give at most 5 messages
    expect(received.length).toBeLessThanOrEqual(Math.max(5, Math.ceil(elapsed / 250) + 1));
    expect(received.at(-1)).toMatchObject({ ideaId, tally: { up: 100 } });
  }, 60_000);

  it('sends moderation events to owners only', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
    const ownerSocket = await open(owner.token);
    const stranger = await registerUser(t);
    const strangerSocket = await open(stranger.token);
    await request(ownerSocket, 'join', `campaign:${campaignId}`);
    await request(strangerSocket, 'join', `campaign:${campaignId}`);
    const ownerEvents: unknown[] = [];
    const strangerEvents: unknown[] = [];
    ownerSocket.on('moderation.queue', (e: unknown) => ownerEvents.push(e));
    strangerSocket.on('moderation.queue', (e: unknown) => strangerEvents.push(e));
    await submitIdea(t, author, campaignId);
    await sleep(300);
    expect(ownerEvents).toHaveLength(1);
    expect(strangerEvents).toHaveLength(0);
  });

  it('broadcasts status moves to the campaign room', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const listener = await open();
    await request(listener, 'join', `campaign:${campaignId}`);
    const statuses: Array<{ to: string }> = [];
    listener.on('campaign.status', (e: { to: string }) => statuses.push(e));
    await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
    await sleep(200);
    expect(statuses.map((s) => s.to)).toEqual(['voting']);
  });

  it('disconnects a flooding client while HTTP keeps answering', async () => {
    const flooder = await open();
    const gone = new Promise<string>((resolve) => flooder.on('disconnect', (reason) => resolve(reason)));
    for (let i = 0; i < 30; i++) flooder.emit('leave', { room: 'lobby' });
    expect(await gone).toBe('io server disconnect');
    await t.http.get('/health').expect(200);
  });

  it('allows at most five sockets per user', async () => {
    const user = await registerUser(t);
    for (let i = 0; i < 5; i++) await open(user.token);
    await expect(connect(t, user.token)).rejects.toThrow();
  });
});

describe('live channel origins', () => {
  it('admits browsers only from the configured origins', async () => {
    const t = await createTestApp({ listen: true, env: { CORS_ORIGINS: 'https://sayembara.id' } });
    try {
      const port = (t.app.getHttpServer().address() as { port: number }).port;
      const attempt = (origin: string) =>
        new Promise<boolean>((resolve) => {
          const socket = io(`http://127.0.0.1:${port}/live`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: origin } });
          socket.once('connect', () => {
            socket.disconnect();
            resolve(true);
          });
          socket.once('connect_error', () => resolve(false));
        });
      expect(await attempt('https://sayembara.id')).toBe(true);
      expect(await attempt('https://evil.example')).toBe(false);
    } finally {
      await t.close();
    }
  });
});
