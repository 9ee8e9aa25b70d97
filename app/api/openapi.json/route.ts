import { env } from "@/server/config/env.ts";
import { route } from "@/server/http/route.ts";
import { openapiApi } from "@/server/openapi/openapi.api.ts";
import { buildOpenApiDocument } from "@/server/openapi/document.ts";

export const GET = route(openapiApi.get, async () => buildOpenApiDocument(env().APP_URL));
