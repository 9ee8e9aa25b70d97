import { usersApi } from "@/modules/identity/users.api.ts";
import { reactivateUser } from "@/modules/identity/users.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(usersApi.reactivate, async ({ ctx, params }) => reactivateUser(requireTenant(ctx), params.id));
