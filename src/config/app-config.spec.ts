import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  const base = { NODE_ENV: 'test' };

  it('reads PUBLIC_URL as an origin, and leaves it unset by default', () => {
    expect(loadConfig(base).publicUrl).toBeNull();
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://sayembara.id/' }).publicUrl).toBe('https://sayembara.id');
    expect(loadConfig({ ...base, PUBLIC_URL: 'http://192.168.1.5:3000' }).publicUrl).toBe('http://192.168.1.5:3000');
  });

  it.each(['sayembara.id', 'ftp://sayembara.id', 'https://sayembara.id/app', 'https://sayembara.id/?x=1'])('refuses PUBLIC_URL=%s at boot, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, PUBLIC_URL: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, PUBLIC_URL: value })).toThrow(/PUBLIC_URL/);
  });

  it('refuses to start in production without a long enough JWT secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe('x'.repeat(32));
  });

  it('counts rate limits under the Redis prefix it is given, sayembara by default', () => {
    expect(loadConfig(base).rateLimits.redisPrefix).toBe('sayembara');
    expect(loadConfig({ ...base, RATE_LIMIT_REDIS_PREFIX: 'staging' }).rateLimits.redisPrefix).toBe('staging');
  });

  it('believes no proxy by default, and reads a list of proxy addresses', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1 ,loopback,::1,fd00::/8,192.168.0.0/255.255.0.0' }).trustProxy).toEqual([
      '10.0.0.0/8', '127.0.0.1', 'loopback', '::1', 'fd00::/8', '192.168.0.0/255.255.0.0',
    ]);
  });

  it.each(['true', '*', '1', '11', 'proxy.local', '10.0.0.0/33', '10.0.0.1/8/1', '::1/129', ','])('refuses TRUST_PROXY=%s at boot, naming the variable', (value) => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
