#!/usr/bin/env node
// Closes `npm test`: a table of the time each test file took (the slowest first), then the one
// line CI reads, "N passed, N failed". Exits 1 when anything failed or nothing ran.
"use strict";
const { readFileSync } = require("node:fs");
const { relative } = require("node:path");

const report = JSON.parse(readFileSync(process.argv[2], "utf8"));
const root = process.argv[3];
const files = report.testResults
  .map((r) => ({
    file: relative(root, r.name),
    seconds: (r.endTime - r.startTime) / 1000,
    tests: r.assertionResults.length,
    failed: r.assertionResults.filter((a) => a.status === "failed").length || (r.status === "failed" ? 1 : 0),
  }))
  .sort((a, b) => b.seconds - a.seconds);
const wall = (Math.max(...report.testResults.map((r) => r.endTime)) - report.startTime) / 1000;
console.log("\n| test file | seconds | tests | failed |\n|---|---|---|---|");
for (const f of files) console.log(`| ${f.file} | ${f.seconds.toFixed(1)} | ${f.tests} | ${f.failed} |`);
console.log(`\n${files.length} files, ${files.reduce((s, f) => s + f.seconds, 0).toFixed(0)} s of test time in ${wall.toFixed(0)} s of wall time`);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (report.numTotalTests === 0 || report.numFailedTestSuites > 0 || report.numFailedTests > 0) process.exit(1);
