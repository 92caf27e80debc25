#!/usr/bin/env node
import { command, packageVersion, run } from "../command-line/program";
/** `cloudflare-iam`: code from an account, access reviews of the changes to it, who changed it behind the code, and the move off legacy roles. */
import { driftCommand } from "./drift";
import { generateCommand } from "./generate";
import { migrateRolesCommand } from "./migrate-roles";
import { tokenAdvice } from "./program";
import { reportCommand } from "./report";
import { reviewCommand } from "./review";

const program = command("cloudflare-iam")
  .description("Cloudflare account IAM as code, for Pulumi")
  .version(packageVersion(), "-V, --version", "print the version")
  .addCommand(generateCommand())
  .addCommand(reviewCommand())
  .addCommand(reportCommand())
  .addCommand(driftCommand())
  .addCommand(migrateRolesCommand());

void run(program, process.argv, tokenAdvice);
