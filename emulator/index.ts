export { apiRouter } from "./api";
export { startEmulator, Emulator, API_PREFIX, ADMIN_PREFIX } from "./server";
export type { EmulatorOptions, RunningEmulator } from "./server";
export type { FaultConfig } from "./faults";
export type { StatsSnapshot } from "./stats";
export { accountMembers, accountOwner, cloudflareUsers, legacyRoles, permissionGroups, oauthScopes, DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN } from "./seed";
