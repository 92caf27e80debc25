/** Tests mirror the source tree under test/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/test/tsconfig.json" }],
  },
  testTimeout: 30000,
  // The e2e files spend most of their time waiting on pulumi processes: two at once keep both cores busy.
  maxWorkers: 2,
};
