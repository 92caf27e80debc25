/** Tests mirror the source tree under test/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.json" }],
  },
  testTimeout: 30000,
  // The e2e files spend much of their time waiting on pulumi processes: three at once keep both cores busy
  // (measured: 306 s of wall time against 332 s with two).
  maxWorkers: 3,
};
