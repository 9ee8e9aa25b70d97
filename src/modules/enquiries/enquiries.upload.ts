/** Reads the `file` field of a multipart upload (the attachments route's input). */
import { badRequest } from "@/server/errors/errors.ts";

export async function readUploadedFile(req: Request): Promise<{ content: Buffer; fileName: string }> {
  let form: FormData;
  try {
    form = await req.formData();
  } catch (err) {
    throw Object.assign(badRequest("Send the file as multipart/form-data.", { file: "Choose a file to upload" }), { cause: err });
  }
  const file = form.get("file");
  if (!(file instanceof File)) throw badRequest("Choose a file to upload.", { file: "Choose a file to upload" });
  return { content: Buffer.from(await file.arrayBuffer()), fileName: file.name };
}
