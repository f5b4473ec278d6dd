import type { TestApp } from './test-app';

let counter = 0;
function unique(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}`;
}

export interface Actor {
  id: string;
  token: string;
  auth: { Authorization: string };
}

export async function registerUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Actor> {
  const res = await t.http
    .post('/api/auth/register')
    .send({ displayName: `Pengguna ${unique()}`, email: `u${unique()}@contoh.id`, password: 'rahasia-kuat-123', ...overrides })
    .expect(201);
  return { id: res.body.user.id, token: res.body.accessToken, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
}

export async function makeBusiness(t: TestApp, owner: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await t.http
    .post('/api/businesses')
    .set(owner.auth)
    .send({ name: 'Keripik Pisang Bu Sari', sector: 'kuliner', scale: 'mikro', region: 'Bantul', ...overrides })
    .expect(201);
  return res.body.id;
}

export function campaignInput(businessId: string, t: TestApp, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = t.clock.now().getTime();
  const day = 24 * 3600 * 1000;
  return {
    businessId,
    kind: 'product',
    title: 'Kemasan baru keripik pisang',
    problemStatement: 'Kemasan kami cepat lembek setelah dibuka; kami butuh kemasan yang menjaga kerenyahan dan menarik di rak warung.',
    category: 'kemasan',
    submissionClosesAt: new Date(now + 7 * day).toISOString(),
    votingClosesAt: new Date(now + 14 * day).toISOString(),
    ...overrides,
  };
}

/** A campaign already opened by its owner. */
export async function makeOpenCampaign(t: TestApp, owner: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
  const businessId = await makeBusiness(t, owner);
  const res = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, overrides)).expect(201);
  await t.http.post(`/api/campaigns/${res.body.id}/status`).set(owner.auth).send({ status: 'open' }).expect(200);
  return res.body.id;
}

const WORDS = (
  'kemasan zipper label warna cerah ukuran saku varian pedas manis asin kardus daur ulang jendela plastik stiker kode ' +
  'paket hemat kotak hadiah segel aluminium pisang singkong tempe kopi gula aren resep nenek promosi status whatsapp ' +
  'diskon pelanggan setia warung sekolah kantor oleh oleh wisata festival musim hujan kering renyah tahan lama higienis'
).split(' ');

/** Ideas far apart in wording, so the near-duplicate check leaves them alone unless a test wants it. */
export function randomIdeaText(seed: number): { title: string; description: string } {
  let state = seed * 2654435761 + 12345;
  const pick = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return WORDS[state % WORDS.length];
  };
  const words = Array.from({ length: 18 }, pick);
  return { title: `Ide ${words.slice(0, 3).join(' ')} ${seed}`, description: `Usulan ${seed}: ${words.join(' ')} ${unique()}.` };
}

let ideaCounter = 0;
export async function submitIdea(t: TestApp, author: Actor, campaignId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  ideaCounter += 1;
  const res = await t.http
    .post(`/api/campaigns/${campaignId}/ideas`)
    .set(author.auth)
    .send({ ...randomIdeaText(ideaCounter), ...overrides })
    .expect(201);
  return res.body.id;
}
