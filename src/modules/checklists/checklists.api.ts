import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { listTemplatesQuery, templateInput, templateList, templateView } from "./checklists.schema.ts";

const TAG = "Checklist templates";

export const checklistTemplatesApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/admin/checklist-templates",
    summary: "Checklist templates (latest version of each), `archived` (exclude | include | only), search `q`",
    tag: TAG,
    policy: policy.can("jobs.view"),
    query: listTemplatesQuery,
    response: templateList,
  }),
  create: defineOperation({
    method: "POST",
    path: "/api/admin/checklist-templates",
    summary: "Create a checklist template (version 1) with required and optional items",
    tag: TAG,
    policy: policy.can("jobs.manage"),
    body: templateInput,
    response: templateView,
    successStatus: 201,
  }),
  get: defineOperation({
    method: "GET",
    path: "/api/admin/checklist-templates/{id}",
    summary: "One template version with its items and the family's versions",
    tag: TAG,
    policy: policy.can("jobs.view"),
    params: idParams,
    response: templateView,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/checklist-templates/{id}",
    summary: "Edit the latest version: saves a new version (the old one is kept; jobs keep their copies)",
    tag: TAG,
    policy: policy.can("jobs.manage"),
    params: idParams,
    body: templateInput,
    response: templateView,
  }),
  archive: defineOperation({
    method: "POST",
    path: "/api/admin/checklist-templates/{id}/archive",
    summary: "Archive a template (it can no longer be attached; nothing is deleted)",
    tag: TAG,
    policy: policy.can("jobs.manage"),
    params: idParams,
    response: templateView,
  }),
  restore: defineOperation({
    method: "POST",
    path: "/api/admin/checklist-templates/{id}/restore",
    summary: "Restore an archived template",
    tag: TAG,
    policy: policy.can("jobs.manage"),
    params: idParams,
    response: templateView,
  }),
};
