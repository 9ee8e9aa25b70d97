import { z } from "zod";
import { listResponse } from "@/server/http/pagination.ts";
import { newPasswordSchema } from "./password-policy.ts";
import { ROLES } from "./permissions.ts";

/** Invite someone by email to this company with a role (the form on the users page and the API). */
export const inviteUserInput = z.object({
  name: z.string().trim().min(2, "Enter their name").max(120, "Keep the name under 120 characters"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  role: z.enum(ROLES, { message: "Choose a role" }),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

const inviteToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid");

/** Accepting an invitation: a new person chooses their name and password (an existing one needs neither). */
export const acceptInvitationInput = z
  .object({
    token: inviteToken,
    name: z.string().trim().min(2, "Enter your name").max(120).optional(),
    password: newPasswordSchema.optional(),
    confirm: z.string().optional(),
  })
  .refine((v) => v.password === undefined || v.password === v.confirm, { path: ["confirm"], message: "The two passwords don't match" });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const invitationOutput = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  invitedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof invitationOutput>;
export const invitationList = listResponse(invitationOutput);
