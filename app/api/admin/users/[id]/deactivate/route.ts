import { usersApi } from "@/modules/identity/users.api.ts";
import { deactivateUser } from "@/modules/identity/users.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(usersApi.deactivate, async ({ ctx, params }) => deactivateUser(requireTenant(ctx), params.id));
