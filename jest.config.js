/**
 * Two tiers: pure and service specs next to the code, HTTP/socket suites under test/e2e.
 * ts-jest transpiles without type-checking (tsc does that); a few dependencies ship ES modules only,
 * which Jest on Node 20 cannot require, so they are transpiled to CommonJS like our own sources.
 */
const ESM_ONLY = ['content-disposition', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras'];
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  '^.+\\.m?js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true, module: 'commonjs', target: 'ES2022' } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];
const common = { testEnvironment: 'node', transform, transformIgnorePatterns, rootDir: __dirname };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // Suites of several instances need Redis; without REDIS_URL they are not collected at all.
      testPathIgnorePatterns: process.env.REDIS_URL ? ['/node_modules/'] : ['/node_modules/', '-redis\\.e2e-spec\\.ts$'],
    },
  ],
};
