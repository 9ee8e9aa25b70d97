"use client";

import { NoteForm as RecordNoteForm } from "@/ui/NoteForm";
import { createNoteInput } from "../clients.schema";

export function NoteForm({ clientId }: { clientId: string }) {
  return <RecordNoteForm url={`/api/admin/clients/${clientId}/notes`} schema={createNoteInput} placeholder="Phone calls, preferences, anything the team should know" />;
}
