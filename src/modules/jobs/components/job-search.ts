import type { PickerOption } from "@/ui/SearchPicker";
import { callApi } from "@/ui/client-api";
import type { JobStatus } from "../job-status";
import type { JobListItem } from "../jobs.schema";

/** Jobs matching what was typed (number, title, client: the list API's search) for a SearchPicker; `statuses` keeps only those. */
export function jobSearch(statuses: readonly JobStatus[]) {
  return async (query: string): Promise<PickerOption[]> => {
    const res = await callApi<{ items: JobListItem[] }>("GET", `/api/admin/jobs?limit=40${query ? `&q=${encodeURIComponent(query)}` : ""}`);
    if (!res.ok) throw new Error(res.message);
    return res.data.items
      .filter((j) => statuses.includes(j.status))
      .slice(0, 20)
      .map((j) => ({ value: j.id, label: `${j.number}: ${j.title}`, detail: j.client.name }));
  };
}
