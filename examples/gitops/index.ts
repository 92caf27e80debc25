import { join } from "node:path";
import * as iam from "pulumi-cloudflare-iam";

// Everyone's access lives in access.yaml; a pull request that edits it is an access request.
const access = new iam.AccessPolicy("account", { file: join(__dirname, "access.yaml") });

export const userGroups = Object.fromEntries(Object.entries(access.userGroups).map(([name, group]) => [name, group.id]));
