import { usersApi } from "@/modules/identity/users.api.ts";
import { listUsers } from "@/modules/identity/users.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(usersApi.list, async ({ ctx, query }) => listUsers(requireTenant(ctx), query));
