import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { acceptInvitationInput, invitationList, invitationOutput, inviteUserInput } from "./invitations.schema.ts";

export const invitationsApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/invitations",
    summary: "Pending invitations to this company",
    tag: "Users",
    policy: policy.can("users.view"),
    response: invitationList,
  }),
  create: defineOperation({
    method: "POST",
    path: "/api/admin/invitations",
    summary: "Invite someone by email with a role (a 7-day, single-use link to set their password)",
    tag: "Users",
    policy: policy.can("users.manage"),
    body: inviteUserInput,
    response: invitationOutput,
    successStatus: 201,
  }),
  revoke: defineOperation({
    method: "POST",
    path: "/api/admin/invitations/{id}/revoke",
    summary: "Cancel a pending invitation",
    tag: "Users",
    policy: policy.can("users.manage"),
    params: idParams,
  }),
  accept: defineOperation({
    method: "POST",
    path: "/api/auth/invitations/accept",
    summary: "Accept an invitation: a new person sets name and password and is signed in; an existing user joins and signs in as usual",
    tag: "Auth",
    policy: policy.public(),
    body: acceptInvitationInput,
    response: z.object({ redirectTo: z.string() }),
  }),
};
