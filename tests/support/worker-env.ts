/** Points this test process's email transport at a fake Resend and shortens job locks. Call before importing app modules. */
export function pointAtFakeResend(fake: { url: string; apiKey: string }) {
  Object.assign(process.env, {
    EMAIL_TRANSPORT: "resend",
    RESEND_API_KEY: fake.apiKey,
    RESEND_BASE_URL: fake.url,
    JOB_LOCK_MS: "3000",
  });
}

export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 20_000, what = "condition") {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}
