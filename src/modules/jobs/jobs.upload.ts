/** Reads a job photo upload: multipart `file` plus an optional `caption` and `takenAt`. */
import { badRequest } from "@/server/errors/errors.ts";

export async function readJobUpload(req: Request): Promise<{ content: Buffer; fileName: string; caption: string | null; takenAt: Date | null }> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch (err) {
    throw Object.assign(badRequest("Send the file as multipart/form-data.", { file: "Choose a file to upload" }), { cause: err });
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw badRequest("Choose a file to upload.", { file: "Choose a file to upload" });
  const caption = form.get("caption");
  const takenAtRaw = form.get("takenAt");
  const takenAt = typeof takenAtRaw === "string" && takenAtRaw ? new Date(takenAtRaw) : null;
  if (takenAt && Number.isNaN(takenAt.getTime())) throw badRequest("The photo's time is not a valid date.", { takenAt: "Not a valid date" });
  if (typeof caption === "string" && caption.length > 500) throw badRequest("Keep the caption under 500 characters.", { caption: "Keep this under 500 characters" });
  return { content: Buffer.from(await file.arrayBuffer()), fileName: file.name, caption: typeof caption === "string" ? caption : null, takenAt };
}
