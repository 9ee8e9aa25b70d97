import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { listUsersQuery, updateUserInput, userList, userOutput } from "./users.schema.ts";

export const usersApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/users",
    summary: "The company's users with role and status (filter by role, status, q = name or email)",
    tag: "Users",
    policy: policy.can("users.view"),
    query: listUsersQuery,
    response: userList,
  }),
  get: defineOperation({
    method: "GET",
    path: "/api/admin/users/{id}",
    summary: "One user of the company",
    tag: "Users",
    policy: policy.can("users.view"),
    params: idParams,
    response: userOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/users/{id}",
    summary: "Change a user's role and capability grants/revocations (a role change ends their sessions)",
    tag: "Users",
    policy: policy.can("users.manage"),
    params: idParams,
    body: updateUserInput,
    response: userOutput,
  }),
  deactivate: defineOperation({
    method: "POST",
    path: "/api/admin/users/{id}/deactivate",
    summary: "Deactivate a user in this company and end their sessions here",
    tag: "Users",
    policy: policy.can("users.manage"),
    params: idParams,
    response: userOutput,
  }),
  reactivate: defineOperation({
    method: "POST",
    path: "/api/admin/users/{id}/reactivate",
    summary: "Reactivate a deactivated user",
    tag: "Users",
    policy: policy.can("users.manage"),
    params: idParams,
    response: userOutput,
  }),
  impersonate: defineOperation({
    method: "POST",
    path: "/api/admin/users/{id}/impersonate",
    summary: "Act as this user (not an admin); the session is replaced by an impersonation session, audited",
    tag: "Users",
    policy: policy.can("users.impersonate"),
    params: idParams,
    response: z.object({ redirectTo: z.string() }),
  }),
};
