/** Jest runs the TypeScript sources through SWC, which strips types without checking them: `tsc --noEmit` checks them. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFiles: ['<rootDir>/test/setupEnvironment.ts'],
  testTimeout: 60000,
};
