import { JSDOM } from 'jsdom';
import { createTestApp, TestApp } from '../support/test-app';
import { Actor, makeOpenCampaign, registerUser, submitIdea } from '../support/factories';

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * The pages' script run in a real DOM (jsdom) on the page the service sent, with its requests served
 * by the service under test: what a customer's phone does, short of the network.
 */
describe('the page script, as a customer uses it', () => {
  let t: TestApp;
  let owner: Actor;
  let author: Actor;
  let offline = false;
  const requests: Array<{ method: string; path: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    [owner, author] = await Promise.all([registerUser(t), registerUser(t)]);
  });
  afterAll(() => t.close());

  async function fetchFromService(path: string, init: FetchInit = {}) {
    if (offline) throw new TypeError('Failed to fetch');
    const method = (init.method ?? 'GET').toLowerCase() as 'get' | 'post' | 'put';
    requests.push({ method, path });
    const res = await t.http[method](path).set(init.headers ?? {}).send(init.body === undefined ? undefined : (JSON.parse(init.body) as object));
    return { ok: res.status >= 200 && res.status < 300, status: res.status, json: () => Promise.resolve(res.body as unknown) };
  }

  async function open(path: string): Promise<JSDOM> {
    const html = (await t.http.get(path).set('host', 'sayembara.example').expect(200)).text;
    return new JSDOM(html, {
      url: `http://sayembara.example${path}`,
      runScripts: 'dangerously',
      beforeParse(window) {
        Object.assign(window, { fetch: fetchFromService });
        window.Element.prototype.scrollIntoView = () => undefined;
      },
    });
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let waited = 0; waited < 5000; waited += 10) {
      if (condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  function fill(dom: JSDOM, formId: string, values: Record<string, string>): void {
    const form = dom.window.document.getElementById(formId) as HTMLFormElement;
    for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement).value = value;
    form.dispatchEvent(new dom.window.Event('submit', { cancelable: true, bubbles: true }));
  }

  const message = (dom: JSDOM) => dom.window.document.getElementById('message')!.textContent ?? '';
  const tallyOf = (dom: JSDOM, ideaId: string) => dom.window.document.querySelector(`[data-idea="${ideaId}"] [data-tally]`)!.textContent;
  const button = (dom: JSDOM, ideaId: string, value: number) => dom.window.document.querySelector<HTMLButtonElement>(`[data-idea="${ideaId}"] button[data-vote="${value}"]`)!;

  it('asks for an account, signs up, votes, changes the vote after its token expired, and sends an idea', async () => {
    const campaignId = await makeOpenCampaign(t, owner, { rules: { voteMode: 'updown' } });
    const ideaId = await submitIdea(t, author, campaignId);
    const dom = await open(`/c/${campaignId}`);
    const document = dom.window.document;
    expect(document.querySelector('[data-signed-in]')!.hasAttribute('hidden')).toBe(true);

    button(dom, ideaId, 1).click();
    expect(message(dom)).toBe('Masuk atau daftar dulu untuk melanjutkan.');
    expect(document.querySelector<HTMLDetailsElement>('details[data-signed-out]')!.open).toBe(true);

    fill(dom, 'sign-up', { displayName: 'Bu Tini', contact: '081234567001', password: 'rahasia-kuat-123' });
    await until(() => !document.querySelector('[data-signed-in]')!.hasAttribute('hidden'), 'the sign-up');
    expect(document.getElementById('account-name')!.textContent).toBe('Bu Tini');
    expect(document.querySelector('details[data-signed-out]')!.hasAttribute('hidden')).toBe(true);

    button(dom, ideaId, 1).click();
    await until(() => message(dom) !== '', 'the vote');
    expect(message(dom)).toBe('Terima kasih, suara Anda tercatat.');
    expect(tallyOf(dom, ideaId)).toBe('1 dukungan · 0 tidak setuju');
    expect(button(dom, ideaId, 1).getAttribute('aria-pressed')).toBe('true');

    // An access token lives 15 minutes; the page renews it with the refresh token, once, and goes on.
    const session = JSON.parse(dom.window.localStorage.getItem('sayembara.session')!) as { accessToken: string; refreshToken: string };
    dom.window.localStorage.setItem('sayembara.session', JSON.stringify({ ...session, accessToken: 'expired' }));
    requests.length = 0;
    button(dom, ideaId, -1).click();
    await until(() => tallyOf(dom, ideaId) === '0 dukungan · 1 tidak setuju', 'the changed vote');
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`put /api/ideas/${ideaId}/vote`, 'post /api/auth/refresh', `put /api/ideas/${ideaId}/vote`]);
    expect(button(dom, ideaId, 1).getAttribute('aria-pressed')).toBe('false');
    expect(button(dom, ideaId, -1).getAttribute('aria-pressed')).toBe('true');
    const renewed = JSON.parse(dom.window.localStorage.getItem('sayembara.session')!) as { refreshToken: string };
    expect(renewed.refreshToken).not.toBe(session.refreshToken);
    expect((await t.http.get(`/api/ideas/${ideaId}`).expect(200)).body.tally).toMatchObject({ up: 0, down: 1, voters: 1 });

    dom.window.document.getElementById('message')!.textContent = '';
    fill(dom, 'submit-idea', { title: 'Kemasan isi ulang untuk warung', description: 'Warung membeli kemasan besar dan mengisi ulang toples sendiri supaya lebih hemat.' });
    await until(() => message(dom) !== '', 'the idea');
    expect(message(dom)).toMatch(/^Ide terkirim dan sudah tampil\./);
    const link = document.querySelector<HTMLAnchorElement>('#message a')!;
    const sent = await t.http.get(link.getAttribute('href')!.replace('/i/', '/api/ideas/')).expect(200);
    expect(sent.body).toMatchObject({ title: 'Kemasan isi ulang untuk warung', campaignId, status: 'published' });
  });

  it('shows the service’s own message when it refuses, and says so when the signal is gone', async () => {
    const campaignId = await makeOpenCampaign(t, owner);
    const ideaId = await submitIdea(t, author, campaignId);
    const dom = await open(`/i/${ideaId}`);
    fill(dom, 'sign-in', { login: 'nobody@contoh.id', password: 'salah-sekali-123' });
    await until(() => message(dom) !== '', 'the refused sign-in');
    expect(dom.window.document.getElementById('message')!.className).toBe('error');
    expect(message(dom)).not.toBe('401');

    const voter = await t.http.post('/api/auth/register').send({ displayName: 'Pak Joko', phone: '081234567002', password: 'rahasia-kuat-123' }).expect(201);
    fill(dom, 'sign-in', { login: '081234567002', password: 'rahasia-kuat-123' });
    await until(() => dom.window.document.getElementById('account-name')!.textContent === 'Pak Joko', 'the sign-in');

    offline = true;
    try {
      button(dom, ideaId, 1).click();
      await until(() => message(dom).startsWith('Sambungan terputus'), 'the offline message');
    } finally {
      offline = false;
    }
    expect((await t.http.get(`/api/ideas/${ideaId}`).expect(200)).body.tally.voters).toBe(0);

    dom.window.document.getElementById('sign-out')!.click();
    expect(dom.window.localStorage.getItem('sayembara.session')).toBeNull();
    expect(dom.window.document.querySelector('details[data-signed-out]')!.hasAttribute('hidden')).toBe(false);
    expect(voter.body.user.displayName).toBe('Pak Joko');
  });
});
