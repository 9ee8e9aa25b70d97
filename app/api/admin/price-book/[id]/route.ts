import { priceBookApi } from "@/modules/pricebook/pricebook.api.ts";
import { archivePriceBookItem, getPriceBookItem, updatePriceBookItem } from "@/modules/pricebook/pricebook.service.ts";
import { requireTenant } from "@/server/context.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(priceBookApi.get, async ({ ctx, params }) => getPriceBookItem(requireTenant(ctx), params.id));
export const PATCH = route(priceBookApi.update, async ({ ctx, params, body }) => updatePriceBookItem(requireTenant(ctx), params.id, body));
export const DELETE = route(priceBookApi.archive, async ({ ctx, params }) => archivePriceBookItem(requireTenant(ctx), params.id));
