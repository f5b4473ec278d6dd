import { createTestApp, TestApp } from '../support/test-app';
import { registerUser } from '../support/factories';

describe('HTTP contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health checks the database', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await t.http.get('/api/docs/json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/campaigns/{id}/leaderboard', '/api/ideas/{id}/vote']));
    await t.http.get('/api/docs').expect(200);
  });

  it('answers malformed JSON with 400 and the error shape', async () => {
    const res = await t.http.post('/api/auth/register').set('Content-Type', 'application/json').send('{"displayName": "x",').expect(400);
    expect(res.body).toEqual({ statusCode: 400, error: 'MALFORMED_JSON_INVALID', message: expect.any(String), details: expect.anything() });
  });

  it('answers JSON nested deeper than 32 levels with 400, not a stack overflow', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const res = await t.http.post('/api/auth/register').set('Content-Type', 'application/json').send(deep).expect(400);
    expect(res.body.error).toBe('JSON_TOO_DEEP_INVALID');
    const user = await registerUser(t);
    const nested = { businessId: '00000000-0000-4000-8000-000000000000', rules: JSON.parse('{"criteria":' + '['.repeat(40) + ']'.repeat(40) + '}') };
    await t.http.post('/api/campaigns').set(user.auth).send(nested).expect(400);
  });

  it('answers a body over 100 KB with 413', async () => {
    const res = await t.http
      .post('/api/auth/register')
      .send({ displayName: 'x'.repeat(110 * 1024), email: 'big@contoh.id', password: 'rahasia-kuat-123' })
      .expect(413);
    expect(res.body.error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await t.http.get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'ROUTE_NOT_FOUND' });
  });

  it('answers a malformed id with 400 naming the parameter', async () => {
    const res = await t.http.get('/api/campaigns/not-a-uuid').expect(400);
    expect(res.body).toMatchObject({ error: 'ID_INVALID' });
    expect(res.body.message).toContain('id');
  });

  it('compresses large responses', async () => {
    const res = await t.http.get('/api/docs/json').set('Accept-Encoding', 'gzip').expect(200);
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('refuses strings with NUL bytes instead of failing in the database', async () => {
    const res = await t.http.post('/api/auth/register').send({ displayName: 'a\u0000b', email: 'nul@contoh.id', password: 'rahasia-kuat-123' }).expect(400);
    expect(res.body.details[0]).toMatchObject({ field: 'displayName', rule: 'plainText' });
  });
});
