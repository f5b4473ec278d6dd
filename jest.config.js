/**
 * Two tiers: pure and service specs next to the code, HTTP/socket suites under test/e2e.
 * A few dependencies ship ES modules only; Jest on Node 20 cannot require them, so SWC turns them into
 * CommonJS like our own sources.
 */
const ESM_ONLY = ['content-disposition', 'file-type', 'strtok3', 'token-types', 'peek-readable', '@tokenizer', 'uint8array-extras'];
const transform = { '^.+\\.(t|j|mj)s$': ['@swc/jest'] };
const transformIgnorePatterns = [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`];
const common = { testEnvironment: 'node', transform, transformIgnorePatterns, rootDir: __dirname };
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
