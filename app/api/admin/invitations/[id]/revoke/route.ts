import { invitationsApi } from "@/modules/identity/invitations.api.ts";
import { revokeInvitation } from "@/modules/identity/invitations.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(invitationsApi.revoke, async ({ ctx, params }) => revokeInvitation(requireTenant(ctx), params.id));
