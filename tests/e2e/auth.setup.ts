/** Signs each demo user in once through the API and saves the cookies for the specs that need them. */
import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, storageStateFor, USERS, type DemoUser } from "./support/fixtures.ts";

for (const user of Object.keys(USERS) as DemoUser[]) {
  setup(`sign in as ${user}`, async ({ request }) => {
    const res = await request.post("/api/auth/login", { data: { email: USERS[user], password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    await request.storageState({ path: storageStateFor(user) });
  });
}
