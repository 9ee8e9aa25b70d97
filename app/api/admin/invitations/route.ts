import { invitationsApi } from "@/modules/identity/invitations.api.ts";
import { inviteUser, listInvitations } from "@/modules/identity/invitations.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(invitationsApi.list, async ({ ctx }) => listInvitations(requireTenant(ctx)));
export const POST = route(invitationsApi.create, async ({ ctx, body }) => inviteUser(requireTenant(ctx), body));
