import type { PickerOption } from "@/ui/SearchPicker";
import { callApi } from "@/ui/client-api";
import type { ClientListItem } from "../clients.schema";

/** Clients matching what was typed (name, email, phone, postcode: the list API's search), for a SearchPicker. */
export async function searchClients(query: string): Promise<PickerOption[]> {
  const res = await callApi<{ items: ClientListItem[] }>("GET", `/api/admin/clients?limit=20&archived=exclude${query ? `&q=${encodeURIComponent(query)}` : ""}`);
  if (!res.ok) throw new Error(res.message);
  return res.data.items.map((c) => ({ value: c.id, label: c.name, detail: [c.postcodes.slice(0, 2).join(", "), c.email].filter(Boolean).join(" · ") || undefined }));
}
