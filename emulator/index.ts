export { apiRouter } from "./api";
export type { FaultConfig } from "./faults";
export { accountMembers, accountOwner, cloudflareUsers, DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN, legacyRoles, oauthScopes, permissionGroups } from "./seed";
export type { EmulatorOptions, RunningEmulator } from "./server";
export { ADMIN_PREFIX, API_PREFIX, Emulator, startEmulator } from "./server";
export type { StatsSnapshot } from "./stats";
