import { createTestApp, TestApp } from '../support/test-app';
import { registerUser } from '../support/factories';

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { RATE_LIMITS: 'on' } });
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates an account and returns tokens without the password hash', async () => {
      const res = await t.http.post('/api/auth/register').send({ displayName: 'Bu Sari', email: 'Sari@Contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      expect(res.body.user).toEqual({ id: expect.any(String), displayName: 'Bu Sari', roles: ['user'] });
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(JSON.stringify(res.body)).not.toContain('passwordHash');
    });

    it('refuses a second account with the same email, whatever its case, with 409', async () => {
      await t.http.post('/api/auth/register').send({ displayName: 'A', email: 'dupe@contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      const res = await t.http.post('/api/auth/register').send({ displayName: 'B', email: 'DUPE@contoh.id', password: 'rahasia-kuat-123' }).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'USER_EMAIL_CONFLICT' });
    });

    it('normalises phone numbers so 0812… and +62 812… are one account', async () => {
      await t.http.post('/api/auth/register').send({ displayName: 'Pak Budi', phone: '081211112222', password: 'rahasia-kuat-123' }).expect(201);
      await t.http.post('/api/auth/register').send({ displayName: 'Pak Budi 2', phone: '+62 812-1111-2222', password: 'rahasia-kuat-123' }).expect(409);
      await t.http.post('/api/auth/login').send({ login: '+62 812 1111 2222', password: 'rahasia-kuat-123' }).expect(200);
    });

    it.each([
      [{ displayName: 'X', password: 'rahasia-kuat-123' }, 'USER_CONTACT_INVALID'],
      [{ displayName: 'X', email: 'not-an-email', password: 'rahasia-kuat-123' }, 'VALIDATION_INVALID'],
      [{ displayName: 'X', email: 'a@b.id', password: 'short' }, 'VALIDATION_INVALID'],
      [{ displayName: 'X', email: 'a@b.id', password: 'rahasia-kuat-123', roles: ['admin'] }, 'VALIDATION_INVALID'],
      [{ displayName: 12, email: 'a@b.id', password: 'rahasia-kuat-123' }, 'VALIDATION_INVALID'],
    ])('refuses %j with 400 %s', async (body, code) => {
      const res = await t.http.post('/api/auth/register').send(body).expect(400);
      expect(res.body.error).toBe(code);
      expect(res.body.message).toEqual(expect.any(String));
    });

    it('names the unknown field in the error', async () => {
      const res = await t.http.post('/api/auth/register').send({ displayName: 'X', email: 'r@b.id', password: 'rahasia-kuat-123', roles: ['admin'] }).expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'roles', rule: 'whitelistValidation' })]));
      expect(res.body.message).toContain('roles');
    });

    it('speaks English when asked', async () => {
      const res = await t.http.post('/api/auth/register').set('Accept-Language', 'en-US,en;q=0.9').send({ displayName: 'X', password: 'rahasia-kuat-123' }).expect(400);
      expect(res.body.message).toMatch(/email or a phone/);
      const id = await t.http.post('/api/auth/register').send({ displayName: 'X', password: 'rahasia-kuat-123' }).expect(400);
      expect(id.body.message).toMatch(/email atau nomor telepon/);
    });
  });

  describe('login', () => {
    it('signs in by email and the token opens /api/me', async () => {
      await t.http.post('/api/auth/register').send({ displayName: 'Dewi', email: 'dewi@contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      const res = await t.http.post('/api/auth/login').send({ login: 'DEWI@contoh.id', password: 'rahasia-kuat-123' }).expect(200);
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`).expect(200);
      expect(me.body).toMatchObject({ displayName: 'Dewi', email: 'dewi@contoh.id' });
    });

    it('answers the same 401 for an unknown account and a wrong password', async () => {
      await t.http.post('/api/auth/register').send({ displayName: 'Eko', email: 'eko@contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      const wrong = await t.http.post('/api/auth/login').send({ login: 'eko@contoh.id', password: 'salah-sekali-123' }).expect(401);
      const unknown = await t.http.post('/api/auth/login').send({ login: 'nobody@contoh.id', password: 'salah-sekali-123' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
    });

    it('locks an account for a minute after five failures, with Retry-After', async () => {
      await t.http.post('/api/auth/register').send({ displayName: 'Fani', email: 'fani@contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      for (let i = 0; i < 5; i++) await t.http.post('/api/auth/login').send({ login: 'fani@contoh.id', password: 'salah-sekali-123' }).expect(401);
      const locked = await t.http.post('/api/auth/login').send({ login: 'fani@contoh.id', password: 'rahasia-kuat-123' }).expect(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(locked.body.error).toBe('AUTH_LOGIN_RATE_LIMITED');
    });
  });

  describe('refresh', () => {
    it('rotates the token, and a reused one revokes the whole family', async () => {
      const reg = await t.http.post('/api/auth/register').send({ displayName: 'Gita', email: 'gita@contoh.id', password: 'rahasia-kuat-123' }).expect(201);
      const first = reg.body.refreshToken as string;
      const rotated = await t.http.post('/api/auth/refresh').send({ refreshToken: first }).expect(200);
      expect(rotated.body.refreshToken).not.toBe(first);
      await t.http.post('/api/auth/refresh').send({ refreshToken: first }).expect(401);
      // the thief's replay also killed the legitimate newer token
      await t.http.post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    });

    it('refuses an unknown token with 401', async () => {
      await t.http.post('/api/auth/refresh').send({ refreshToken: 'nope' }).expect(401);
    });
  });

  describe('/api/me', () => {
    it('needs a token', async () => {
      const res = await t.http.get('/api/me').expect(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'AUTH_UNAUTHORIZED' });
    });

    it('refuses a token signed with another secret or algorithm', async () => {
      const user = await registerUser(t);
      // Accepted first, so the forgeries below meet a token the service already knows.
      await t.http.get('/api/me').set(user.auth).expect(200);
      const [header, payload] = user.token.split('.');
      await t.http.get('/api/me').set('Authorization', `Bearer ${header}.${payload}.forged`).expect(401);
      const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await t.http.get('/api/me').set('Authorization', `Bearer ${none}.${payload}.`).expect(401);
    });

    it('refuses an expired token, even one accepted while it was valid', async () => {
      const user = await registerUser(t);
      await t.http.get('/api/me').set(user.auth).expect(200);
      jest.useFakeTimers({ now: Date.now() + 16 * 60 * 1000, doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] });
      try {
        await t.http.get('/api/me').set(user.auth).expect(401);
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
