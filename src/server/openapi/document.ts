/** OpenAPI 3.1 generated from the operations' zod schemas (zod 4 emits JSON Schema 2020-12). */
import { z } from "zod";
import type { Operation } from "../http/operation.ts";
import { ALL_OPERATIONS } from "./operations.ts";

type JsonSchema = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parametersOf(op: Operation) {
  const params: Record<string, unknown>[] = [];
  const add = (where: "path" | "query", s: z.ZodType | undefined) => {
    if (!s) return;
    const json = schemaOf(s, "input");
    const props = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(props)) {
      params.push({ name, in: where, required: where === "path" || required.has(name), schema });
    }
  };
  add("path", op.params);
  add("query", op.query);
  return params;
}

const ERROR_RESPONSE = {
  description: "Error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "string" } },
              requestId: { type: "string" },
            },
            required: ["code", "message"],
          },
        },
        required: ["error"],
      },
    },
  },
};

function securityOf(op: Operation) {
  switch (op.policy.kind) {
    case "public":
      return [];
    case "cron":
      return [{ cronSecret: [] }];
    default:
      return [{ session: [] }];
  }
}

function describePolicy(op: Operation): string {
  const p = op.policy;
  if (p.kind === "capability") return `Requires capability \`${p.capability}\`.`;
  if (p.kind === "operator") return "Platform operators only.";
  if (p.kind === "member") return "Any member of the active company; access is then checked per record.";
  if (p.kind === "authenticated") return p.duringMfaEnrolment ? "Any signed-in user, on their own account (also while the company holds them at MFA enrolment)." : "Any signed-in user.";
  if (p.kind === "cron") return "Bearer CRON_SECRET.";
  return "Public.";
}

export function buildOpenApiDocument(serverUrl: string, operations: Operation[] = ALL_OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const status = String(op.successStatus ?? 200);
    const entry: Record<string, unknown> = {
      summary: op.summary,
      description: describePolicy(op),
      tags: [op.tag],
      operationId: `${op.method.toLowerCase()}${op.path.replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
      security: securityOf(op),
      parameters: parametersOf(op),
      responses: {
        [status]: op.response
          ? { description: "OK", content: { "application/json": { schema: schemaOf(op.response, "output") } } }
          : { description: "OK" },
        "400": ERROR_RESPONSE,
        "401": ERROR_RESPONSE,
        "403": ERROR_RESPONSE,
        "404": ERROR_RESPONSE,
        "503": ERROR_RESPONSE,
      },
    };
    if (op.body) {
      entry.requestBody = { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } };
    }
    (paths[op.path] ??= {})[op.method.toLowerCase()] = entry;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Quantract API",
      version: "1",
      description:
        "Lists return `{ items, nextCursor }` (pass `cursor` for the next page). Errors return `{ error: { code, message, fields? } }`. A missing id and another company's id give the same 404.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "qt_session", description: "Session cookie (`__Host-qt_session` over https)." },
        cronSecret: { type: "http", scheme: "bearer" },
      },
    },
    paths,
  };
}
