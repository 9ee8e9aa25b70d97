"use client";

import { useState, type FormEvent } from "react";
import { Button, Card, useToast } from "@/ui";
import { callApi } from "@/ui/client-api";
import type { NotificationPreferences } from "../notifications.schema.ts";

export function NotificationPreferencesForm({ initial }: { initial: NotificationPreferences }) {
  const [categories, setCategories] = useState(initial.categories);
  const [saving, setSaving] = useState(false);
  const toast = useToast();

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const res = await callApi<NotificationPreferences>("PATCH", "/api/account/notifications", { muted: categories.filter((c) => !c.enabled).map((c) => c.key) });
    setSaving(false);
    if (!res.ok) {
      toast.error("Couldn't save your choices", res.message);
      return;
    }
    setCategories(res.data.categories);
    toast.success("Email notifications saved");
  }

  return (
    <form onSubmit={onSubmit}>
      <Card title="Email me about" description="Sign-in and security emails always reach you.">
        <fieldset className="flex flex-col gap-3">
          <legend className="sr-only">Email notifications</legend>
          {categories.map((c) => (
            <label key={c.key} className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-5"
                checked={c.enabled}
                onChange={(e) => setCategories((cs) => cs.map((x) => (x.key === c.key ? { ...x, enabled: e.target.checked } : x)))}
              />
              <span>
                <span className="block font-medium">{c.label}</span>
                <span className="block text-neutral-600">{c.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="mt-4">
          <Button type="submit" loading={saving} loadingText="Saving…">
            Save
          </Button>
        </div>
      </Card>
    </form>
  );
}
