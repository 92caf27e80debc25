// One top-level area on its own fast tests: `STRYKER_AREA=access npm run mutation -- stryker.area.config.js`
// mutates access/**/*.ts and runs only test/access (tests mirror the source tree), so a run costs
// that area's mutants against that area's tests instead of every fast layer (stryker.config.json).
// Each area keeps its own incremental file, so running one area never forgets another's results.
"use strict";
const base = require("./stryker.config.json");

const area = process.env.STRYKER_AREA ?? "";
if (!/^[a-z-]+$/.test(area)) throw new Error("set STRYKER_AREA to a top-level folder, e.g. STRYKER_AREA=access");

module.exports = {
  ...base,
  mutate: [`${area}/**/*.ts`],
  jest: { ...base.jest, config: { roots: [`<rootDir>/test/${area}`] } },
  incrementalFile: `reports/mutation/incremental-${area}.json`,
};
