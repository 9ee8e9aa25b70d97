import { clientsApi } from "@/modules/clients/clients.api.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";
import { previewImport } from "@/modules/clients/clients-import.service.ts";

export const POST = route(clientsApi.importPreview, async ({ ctx, body }) => previewImport(requireTenant(ctx), body));
