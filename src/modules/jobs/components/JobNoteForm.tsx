"use client";

import { NoteForm } from "@/ui/NoteForm";
import { addNoteInput } from "../jobs.schema";

export function JobNoteForm({ jobId }: { jobId: string }) {
  return <NoteForm url={`/api/admin/jobs/${jobId}/notes`} schema={addNoteInput} placeholder="Access, materials, anything the team should know" />;
}
