/**
 * The engineer portal's plain constants, without zod: the browser imports these (outbox batches,
 * photo size, labels), so the phone never downloads the validation library (~32 KB gzip) that only
 * the server uses. engineer.schema.ts builds its schemas from these and re-exports them.
 */
import type { SyncActionType } from "./engineer.schema.ts";

/** Photos are resized on the device to ≤ 1600 px JPEG; this caps the data URL itself. */
export const PHOTO_MAX_BYTES = 4 * 1024 * 1024;
export const SIGNATURE_MAX_DATA_URL = 700_000;
/** Actions per request; the device sends its queue in batches of this size at most. */
export const SYNC_BATCH_MAX = 50;

export const SYNC_ACTION_LABELS: Record<SyncActionType, string> = {
  "checklist.set": "Checklist tick",
  "note.add": "Note",
  "photo.add": "Photo",
  "time.clockIn": "Clock in",
  "time.clockOut": "Clock out",
  "time.breakStart": "Break start",
  "time.breakEnd": "Break end",
  "job.start": "Start job",
  "job.complete": "Job completion",
};
