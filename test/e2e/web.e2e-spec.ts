import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, campaignInput, makeBusiness, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** The text of every inline element of a kind, in order. */
function inline(page: string, tag: 'script' | 'style'): string[] {
  return [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!);
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

function meta(page: string, property: string): string | undefined {
  return new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(page)?.[1];
}

describe('pages for shared links', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  let voter: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, author, voter] = await Promise.all([registerUser(t), registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  it('shows an open challenge with its business, prizes, ideas best first, vote buttons, the idea form and a link preview', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { incentives: { prizes: [{ rank: 1, amount: 1500000 }, { rank: 2, amount: 500000 }] } });
    const behind = await submitIdea(t, author, campaignId, { title: 'Kemasan kertas cokelat sederhana' });
    const ahead = await submitIdea(t, author, campaignId, { title: 'Zipper bening supaya tetap renyah' });
    await t.http.put(`/api/ideas/${ahead}/vote`).set(voter.auth).send({ value: 1 }).expect(200);

    const res = await t.http.get(`/c/${campaignId}`).set('host', 'sayembara.example').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-language']).toBe('id');
    const page = res.text;
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('Keripik Pisang Bu Sari · Bantul · Tantangan produk · Menerima ide');
    expect(meta(page, 'og:title')).toBe('Kemasan baru keripik pisang');
    expect(meta(page, 'og:description')).toMatch(/^Kemasan kami cepat lembek/);
    expect(meta(page, 'og:url')).toBe(`http://sayembara.example/c/${campaignId}`);
    expect(page).toContain('Juara 1: Rp 1.500.000');
    expect(page.indexOf(`data-idea="${ahead}"`)).toBeGreaterThan(0);
    expect(page.indexOf(`data-idea="${ahead}"`)).toBeLessThan(page.indexOf(`data-idea="${behind}"`));
    expect(page).toContain('1 dukungan');
    expect(page).toContain('data-vote="1"');
    expect(page).not.toContain('data-vote="-1"');
    expect(page).toContain('<form id="submit-idea">');
    expect(page).toContain(`https://wa.me/?text=${encodeURIComponent(`Kemasan baru keripik pisang · Ayo ikut dan beri suara: http://sayembara.example/c/${campaignId}`)}`);
    expect(page).toContain(`href="/i/${ahead}"`);
  });

  it('allows only its own inline style and script, by hash, and nothing from elsewhere', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const res = await t.http.get(`/c/${campaignId}`).expect(200);
    const policy = res.headers['content-security-policy'] as string;
    const [style] = inline(res.text, 'style');
    const [script] = inline(res.text, 'script');
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`style-src ${sha256(style!)}`);
    expect(policy).toContain(`script-src ${sha256(script!)}`);
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(() => new Script(script!)).not.toThrow();
  });

  it('escapes what users wrote, in the page, its link preview and the script’s data', async () => {
    const businessId = await makeBusiness(t, owner, { name: 'Warung "<b>Sari</b>"' });
    const created = await t.http
      .post('/api/campaigns')
      .set(owner.auth)
      .send(campaignInput(businessId, t, { title: 'Judul "><img src=x onerror=alert(1)>' }))
      .expect(201);
    await t.http.post(`/api/campaigns/${created.body.id}/status`).set(owner.auth).send({ status: 'open' }).expect(200);
    await submitIdea(t, author, created.body.id, { title: '</script><script>alert(2)</script>' });
    const page = (await t.http.get(`/c/${created.body.id}`).expect(200)).text;
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert(2)');
    expect(page).not.toContain('<b>Sari</b>');
    expect(meta(page, 'og:title')).toBe('Judul &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(inline(page, 'script')).toHaveLength(1);
  });

  it('speaks English when the browser or the link asks, and ignores the tracking parameters apps add to links', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const english = await t.http.get(`/c/${campaignId}`).set('accept-language', 'en-US,en;q=0.9').expect(200);
    expect(english.headers['content-language']).toBe('en');
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Product challenge · Taking ideas');
    const byLink = await t.http.get(`/c/${campaignId}?lang=en&fbclid=IwAR0abc&utm_source=whatsapp`).set('accept-language', 'id').expect(200);
    expect(byLink.text).toContain('Send your idea');
    const indonesian = await t.http.get(`/c/${campaignId}?lang=xx`).expect(200);
    expect(indonesian.text).toContain('Kirim ide Anda');
  });

  it('answers a private, draft, missing or malformed link with the same 404 page, never JSON', async () => {
    const privateId = await makeOpenCampaign(t, owner, { visibility: 'private' });
    const businessId = await makeBusiness(t, owner);
    const draft = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t)).expect(201);
    for (const path of [`/c/${privateId}`, `/c/${draft.body.id}`, `/c/${MISSING}`, '/c/not-an-id', `/i/${MISSING}`, '/i/123']) {
      const res = await t.http.get(path).expect(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('Halaman tidak ditemukan');
      expect(res.text).not.toContain('Kemasan baru keripik pisang');
    }
    const english = await t.http.get(`/c/${privateId}`).set('accept-language', 'en').expect(404);
    expect(english.text).toContain('Page not found');
  });

  it('shows an idea with its description and vote buttons, and hides one still waiting for moderation', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { rules: { voteMode: 'rating' } });
    const ideaId = await submitIdea(t, author, campaignId, { title: 'Rasa baru keripik balado', description: 'Varian balado pedas manis dengan kemasan kecil untuk anak sekolah dan pekerja kantor.' });
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 4 }).expect(200);
    const page = (await t.http.get(`/i/${ideaId}`).expect(200)).text;
    expect(meta(page, 'og:title')).toBe('Rasa baru keripik balado');
    expect(meta(page, 'og:description')).toBe('Varian balado pedas manis dengan kemasan kecil untuk anak sekolah dan pekerja kantor.');
    expect(page).toContain('★ 4 (1 penilaian)');
    expect(page).toContain('data-vote="5"');
    expect(page).toContain(`href="/c/${campaignId}"`);

    const moderated = await makeOpenCampaign(t, owner, { rules: { moderation: 'pre' } });
    const pending = await t.http.post(`/api/campaigns/${moderated}/ideas`).set(author.auth).send({ title: 'Ide yang menunggu moderasi', description: 'Deskripsi yang cukup panjang untuk lolos aturan isi kampanye ini.' }).expect(201);
    expect(pending.body.status).toBe('pending');
    await t.http.get(`/i/${pending.body.id}`).expect(404);
  });

  it('drops the idea form once ideas close, and the vote buttons and sign-in once voting ends', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'voting' }).expect(200);
    const voting = (await t.http.get(`/c/${campaignId}`).expect(200)).text;
    expect(voting).not.toContain('id="submit-idea"');
    expect(voting).toContain('data-vote="1"');
    await t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status: 'judging' }).expect(200);
    for (const path of [`/c/${campaignId}`, `/i/${ideaId}`]) {
      const page = (await t.http.get(path).expect(200)).text;
      expect(page).toContain('Penjurian');
      expect(page).not.toContain('data-vote=');
      expect(page).not.toContain('id="sign-in"');
      expect(inline(page, 'script')).toHaveLength(0);
    }
  });

  it('shows a closed challenge in its final order, where the jury can put another idea first, with the prizes', async () => {
    const judge = await registerUser(t);
    const criteria = [{ key: 'novelty', weight: 1 }];
    const campaignId = await makeOpenCampaign(t, owner, { rules: { criteria }, incentives: { prizes: [{ rank: 1, amount: 750000 }] } });
    await t.http.post(`/api/campaigns/${campaignId}/members`).set(owner.auth).send({ userId: judge.id, role: 'jury' }).expect(201);
    const crowdFavourite = await submitIdea(t, author, campaignId, { title: 'Pilihan pelanggan: kemasan kaleng' });
    const juryFavourite = await submitIdea(t, await registerUser(t, { displayName: 'Dewi Anyaman' }), campaignId, { title: 'Pilihan juri: kemasan daun pisang' });
    await t.http.put(`/api/ideas/${crowdFavourite}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    const move = (status: string) => t.http.post(`/api/campaigns/${campaignId}/status`).set(owner.auth).send({ status }).expect(200);
    await move('voting');
    await move('judging');
    await t.http.post(`/api/ideas/${crowdFavourite}/reviews`).set(judge.auth).send({ scores: { novelty: 1 } }).expect(200);
    await t.http.post(`/api/ideas/${juryFavourite}/reviews`).set(judge.auth).send({ scores: { novelty: 5 } }).expect(200);
    const judging = (await t.http.get(`/c/${campaignId}`).expect(200)).text;
    expect(judging.indexOf(`data-idea="${crowdFavourite}"`)).toBeLessThan(judging.indexOf(`data-idea="${juryFavourite}"`));
    await move('closed');
    const closed = (await t.http.get(`/c/${campaignId}`).expect(200)).text;
    expect(closed).toContain('Peringkat akhir');
    expect(closed.indexOf(`data-idea="${juryFavourite}"`)).toBeLessThan(closed.indexOf(`data-idea="${crowdFavourite}"`));
    expect(closed).toContain('Pilihan juri: kemasan daun pisang</a> <span class="muted">oleh Dewi Anyaman</span> <span class="badge">Pemenang</span> <span class="badge">Rp 750.000</span>');
    expect(closed).not.toContain('data-vote=');
  });

  it('costs a revisit only a 304 until a vote changes the page', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    // The page names its own address, so every request comes to the same host.
    const first = await t.http.get(`/c/${campaignId}`).set('host', 'sayembara.example').expect(200);
    expect(first.headers['cache-control']).toBe('no-cache');
    const etag = first.headers.etag as string;
    const again = await t.http.get(`/c/${campaignId}`).set('host', 'sayembara.example').set('if-none-match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    await t.http.put(`/api/ideas/${ideaId}/vote`).set(voter.auth).send({ value: 1 }).expect(200);
    const changed = await t.http.get(`/c/${campaignId}`).set('host', 'sayembara.example').set('if-none-match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.text).toContain('1 dukungan');
  });

  it('is compressed for slow connections', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const res = await t.http.get(`/c/${campaignId}`).set('accept-encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toContain('Kemasan baru keripik pisang');
  });

  it('lists the running public challenges on the home page, and no private or draft one', async () => {
    const open = await makeOpenCampaign(t, owner, { title: 'Nama baru untuk sambal botol' });
    const hidden = await makeOpenCampaign(t, owner, { title: 'Tantangan rahasia internal', visibility: 'private' });
    const businessId = await makeBusiness(t, owner);
    const draft = await t.http.post('/api/campaigns').set(owner.auth).send(campaignInput(businessId, t, { title: 'Draf yang belum dibuka' })).expect(201);
    const page = (await t.http.get('/').expect(200)).text;
    expect(page).toContain(`href="/c/${open}"`);
    expect(page).toContain('Nama baru untuk sambal botol');
    expect(page).not.toContain(hidden);
    expect(page).not.toContain(draft.body.id);
    expect(page).not.toContain('Draf yang belum dibuka');
  });

  it('names PUBLIC_URL in share links and previews when the service sits behind a proxy', async () => {
    const proxied = await createTestApp({ env: { PUBLIC_URL: 'https://sayembara.example' } });
    try {
      const someone = await registerUser(proxied);
      const campaignId = await makeOpenCampaign(proxied, someone);
      const page = (await proxied.http.get(`/c/${campaignId}`).set('host', 'internal:3000').expect(200)).text;
      expect(meta(page, 'og:url')).toBe(`https://sayembara.example/c/${campaignId}`);
      expect(page).not.toContain('internal:3000');
    } finally {
      await proxied.close();
    }
  });

  it('leaves the API where it was', async () => {
    await t.http.get('/api/campaigns').expect(200);
    await t.http.get('/health').expect(200);
    expect((await t.http.get('/c').expect(404)).headers['content-type']).toMatch(/application\/json/);
  });
});
