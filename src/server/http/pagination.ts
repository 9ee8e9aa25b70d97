/** Cursor pagination shared by every list: `{ items, nextCursor }`, ids are time-ordered uuid v7. */
import { z } from "zod";

export const pageQuery = z.object({
  cursor: z.uuid({ message: "Invalid cursor" }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof pageQuery>;

export function pageOf<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  return { items, nextCursor: hasMore ? items[items.length - 1]!.id : null };
}

/** Prisma args for a page, newest first: fetch one extra row to know whether there is more. */
export function pageArgs(q: PageQuery) {
  return {
    take: q.limit + 1,
    orderBy: { id: "desc" as const },
    ...(q.cursor ? { where: { id: { lt: q.cursor } } } : {}),
  };
}

export function listResponse<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.uuid().nullable() });
}

/** Route param `id`: anything that is not a uuid is simply not found. */
export const idParams = z.object({ id: z.uuid() });
