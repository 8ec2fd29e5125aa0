/** Unit and in-process integration tests. The real-n8n suite (test/e2e) has its own script. */
module.exports = {
	testEnvironment: 'node',
	// Both cores (jest's default leaves one idle): the suite is CPU-bound, about 2 CPU-minutes.
	maxWorkers: '100%',
	// Per-test bound for slow shared machines; no test asserts a timing.
	testTimeout: 30000,
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
};
