/** Pipeline stages: per company, ordered, at most one won and one lost stage; defaults on first use. */
import type { PipelineStage } from "@/generated/prisma/client.ts";
import { audit } from "@/server/audit/audit.ts";
import { assertCan, type TenantContext } from "@/server/context.ts";
import type { TenantDb, TenantTx } from "@/server/db/tenancy.ts";
import { conflict, notFound, validationFailed } from "@/server/errors/errors.ts";
import {
  countAllStages,
  countEnquiriesByStage,
  countEnquiriesInStage,
  findActiveStages,
  findOtherFlaggedStage,
  findStage,
  insertDefaultStages,
  insertStage,
  lockStages,
  updateStage as updateStageRow,
} from "./enquiries.repo.ts";
import type { CreateStageInput, StageView, UpdateStageInput } from "./enquiries.schema.ts";

/** Creates the default stages for a company that has none (ever): inside the caller's transaction. */
export async function ensureStagesIn(tx: TenantTx, companyId: string): Promise<void> {
  if ((await countAllStages(tx)) > 0) return;
  await lockStages(tx, companyId);
  if ((await countAllStages(tx)) > 0) return;
  await insertDefaultStages(tx, companyId);
}

/** Same, in its own transaction (before a read). */
export async function ensureStages(db: TenantDb, companyId: string): Promise<void> {
  if ((await countAllStages(db)) > 0) return;
  await db.$transaction((tx) => ensureStagesIn(tx, companyId));
}

function stageView(s: PipelineStage, counts: Map<string, number>): StageView {
  return { id: s.id, name: s.name, position: s.position, colour: s.colour, isWon: s.isWon, isLost: s.isLost, enquiryCount: counts.get(s.id) ?? 0 };
}

export async function listStages(ctx: TenantContext): Promise<{ items: StageView[] }> {
  assertCan(ctx, "enquiries.manage");
  await ensureStages(ctx.db, ctx.companyId);
  const [stages, counts] = await Promise.all([findActiveStages(ctx.db), countEnquiriesByStage(ctx.db)]);
  return { items: stages.map((s) => stageView(s, counts)) };
}

async function assertFlagsFree(tx: TenantTx, input: { isWon?: boolean; isLost?: boolean }, exceptId: string | null) {
  if (input.isWon && (await findOtherFlaggedStage(tx, "isWon", exceptId))) throw conflict("There is already a won stage. Untick it there first.");
  if (input.isLost && (await findOtherFlaggedStage(tx, "isLost", exceptId))) throw conflict("There is already a lost stage. Untick it there first.");
}

export async function createStage(ctx: TenantContext, input: CreateStageInput): Promise<StageView> {
  assertCan(ctx, "settings.manage");
  return ctx.db.$transaction(async (tx) => {
    await ensureStagesIn(tx, ctx.companyId);
    await lockStages(tx, ctx.companyId);
    await assertFlagsFree(tx, input, null);
    const stages = await findActiveStages(tx);
    const position = stages.length === 0 ? 0 : Math.max(...stages.map((s) => s.position)) + 1;
    const stage = await insertStage(tx, ctx.companyId, { ...input, position });
    await audit(tx, ctx, { entityType: "PipelineStage", entityId: stage.id, action: "pipeline_stage.created", after: input });
    return stageView(stage, new Map());
  });
}

export async function updateStage(ctx: TenantContext, id: string, input: UpdateStageInput): Promise<StageView> {
  assertCan(ctx, "settings.manage");
  return ctx.db.$transaction(async (tx) => {
    await lockStages(tx, ctx.companyId);
    const current = await findStage(tx, id);
    if (!current) throw notFound();
    const next = { isWon: input.isWon ?? current.isWon, isLost: input.isLost ?? current.isLost };
    if (next.isWon && next.isLost) throw validationFailed("A stage can be won or lost, not both.", { isLost: "A stage can be won or lost, not both" });
    await assertFlagsFree(tx, input, id);
    const changed = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && (current as Record<string, unknown>)[k] !== v),
    ) as UpdateStageInput;
    if (Object.keys(changed).length === 0) return stageView(current, new Map([[id, await countEnquiriesInStage(tx, id)]]));
    const updated = await updateStageRow(tx, id, changed);
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, (current as Record<string, unknown>)[k]]));
    await audit(tx, ctx, { entityType: "PipelineStage", entityId: id, action: "pipeline_stage.updated", before, after: changed });
    return stageView(updated, new Map([[id, await countEnquiriesInStage(tx, id)]]));
  });
}

/** Archives an empty stage (its history stays); a stage holding enquiries or the last stage can't go. */
export async function archiveStage(ctx: TenantContext, id: string): Promise<void> {
  assertCan(ctx, "settings.manage");
  await ctx.db.$transaction(async (tx) => {
    await lockStages(tx, ctx.companyId);
    const stage = await findStage(tx, id);
    if (!stage) throw notFound();
    const inStage = await countEnquiriesInStage(tx, id);
    if (inStage > 0) throw conflict(`Move the ${inStage} ${inStage === 1 ? "enquiry" : "enquiries"} in “${stage.name}” to another stage first.`);
    if ((await findActiveStages(tx)).length <= 1) throw conflict("Keep at least one stage.");
    await updateStageRow(tx, id, { archivedAt: new Date() });
    await audit(tx, ctx, { entityType: "PipelineStage", entityId: id, action: "pipeline_stage.archived", before: { name: stage.name } });
  });
}

/** New order of every active stage (all of them, each once). */
export async function reorderStages(ctx: TenantContext, ids: string[]): Promise<{ items: StageView[] }> {
  assertCan(ctx, "settings.manage");
  return ctx.db.$transaction(async (tx) => {
    await lockStages(tx, ctx.companyId);
    const stages = await findActiveStages(tx);
    const known = new Set(stages.map((s) => s.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((i) => known.has(i))) {
      throw validationFailed("List every stage once.", { ids: "List every stage once" });
    }
    const before = stages.map((s) => s.name);
    for (const [position, id] of ids.entries()) await updateStageRow(tx, id, { position });
    const after = ids.map((i) => stages.find((s) => s.id === i)!.name);
    await audit(tx, ctx, { entityType: "PipelineStage", entityId: null, action: "pipeline_stage.reordered", before: { order: before }, after: { order: after } });
    const counts = await countEnquiriesByStage(tx);
    return { items: (await findActiveStages(tx)).map((s) => stageView(s, counts)) };
  });
}
