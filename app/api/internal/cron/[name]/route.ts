import { runCronTask } from "@/server/cron/cron.ts";
import { cronApi } from "@/server/cron/cron.api.ts";
import { notFound } from "@/server/errors/errors.ts";
import { route } from "@/server/http/route.ts";

export const POST = route(cronApi.run, async ({ params }) => {
  const result = await runCronTask(params.name);
  if (!result) throw notFound("Unknown cron task.");
  return result;
});
