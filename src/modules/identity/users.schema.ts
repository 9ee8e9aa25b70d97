import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { CAPABILITIES, ROLES } from "./permissions.ts";

const roleEnum = z.enum(ROLES, { message: "Choose a role" });
const capabilityList = z.array(z.enum(CAPABILITIES, { message: "Unknown capability" })).max(CAPABILITIES.length);

/** Filters live in the URL on the users page and in the query of GET /api/admin/users. */
export const listUsersQuery = pageQuery.extend({
  role: roleEnum.optional(),
  status: z.enum(["ACTIVE", "DEACTIVATED"]).optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

/** Change a member's role and/or their capability overrides (on top of the role's set). */
export const updateUserInput = z
  .object({
    role: roleEnum,
    grantedCapabilities: capabilityList,
    revokedCapabilities: capabilityList,
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const userOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleEnum,
  status: z.enum(["ACTIVE", "DEACTIVATED"]),
  grantedCapabilities: z.array(z.string()),
  revokedCapabilities: z.array(z.string()),
  capabilities: z.array(z.string()),
  mfaEnabled: z.boolean(),
  isPlatformOperator: z.boolean(),
  memberSince: z.iso.datetime(),
});
export type UserView = z.infer<typeof userOutput>;
export const userList = listResponse(userOutput);
