import { priceBookApi } from "@/modules/pricebook/pricebook.api.ts";
import { createPriceBookItem, listPriceBook } from "@/modules/pricebook/pricebook.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(priceBookApi.list, async ({ ctx, query }) => listPriceBook(requireTenant(ctx), query));
export const POST = route(priceBookApi.create, async ({ ctx, body }) => createPriceBookItem(requireTenant(ctx), body));
