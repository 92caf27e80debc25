#!/usr/bin/env node
/** `cloudflare-iam`: code from an account, and access reviews of the changes to it. */
import { generateCommand } from "./generate";
import { command, packageVersion, run } from "../command-line/program";
import { tokenAdvice } from "./program";
import { reportCommand } from "./report";
import { reviewCommand } from "./review";

const program = command("cloudflare-iam")
  .description("Cloudflare account IAM as code, for Pulumi")
  .version(packageVersion(), "-V, --version", "print the version")
  .addCommand(generateCommand())
  .addCommand(reviewCommand())
  .addCommand(reportCommand());

void run(program, process.argv, tokenAdvice);
