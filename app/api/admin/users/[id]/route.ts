import { usersApi } from "@/modules/identity/users.api.ts";
import { getUser, updateUser } from "@/modules/identity/users.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(usersApi.get, async ({ ctx, params }) => getUser(requireTenant(ctx), params.id));
export const PATCH = route(usersApi.update, async ({ ctx, params, body }) => updateUser(requireTenant(ctx), params.id, body));
