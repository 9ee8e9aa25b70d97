/** Checklist templates and job checklist inputs/outputs (zod), shared by forms and route handlers. */
import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";
import { occurredAt } from "@/modules/jobs/jobs.schema.ts";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const templateItemInput = z.object({
  label: z.string({ message: "Write the item" }).trim().min(1, "Write the item").max(300, "Keep this under 300 characters"),
  description: optionalText(2000),
  required: z.boolean().default(true),
});

export const templateInput = z.object({
  title: z.string({ message: "Give the checklist a title" }).trim().min(1, "Give the checklist a title").max(200, "Keep this under 200 characters"),
  description: optionalText(2000),
  items: z.array(templateItemInput).min(1, "Add at least one item").max(200, "Use at most 200 items"),
});
export type TemplateInput = z.infer<typeof templateInput>;

export const listTemplatesQuery = pageQuery.extend({
  archived: z.enum(["exclude", "include", "only"]).default("exclude"),
  q: z.string().trim().max(100).optional(),
});
export type ListTemplatesQuery = z.infer<typeof listTemplatesQuery>;

export const attachChecklistInput = z.object({ templateId: z.uuid({ message: "Choose a checklist" }) });

export const setItemInput = z.object({ done: z.boolean(), occurredAt });
export const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
export const jobChecklistParams = z.object({ id: z.uuid(), checklistId: z.uuid() });

export const templateItemView = z.object({ id: z.uuid(), position: z.number().int(), label: z.string(), description: z.string().nullable(), required: z.boolean() });
export const templateView = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  version: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  current: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  items: z.array(templateItemView),
  versions: z.array(z.object({ id: z.uuid(), version: z.number().int(), createdAt: z.string() })).optional(),
});
export type TemplateView = z.infer<typeof templateView>;
export const templateList = listResponse(templateView);
