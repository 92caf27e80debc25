export { apiRouter } from "./api";
export { startEmulator, Emulator, EmulatorOptions, RunningEmulator, API_PREFIX, ADMIN_PREFIX } from "./server";
export { FaultConfig } from "./faults";
export { StatsSnapshot } from "./stats";
export { accountMembers, permissionGroups, oauthScopes, DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN } from "./seed";
