import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { describeDevice } from "@/modules/identity/device.ts";
import { mfaEnrolmentRequired, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, recoveryCodeHash, verifyTotp } from "@/modules/identity/mfa.ts";
import { openSecret, sealSecret } from "@/server/auth/secret-box.ts";
import { EnvError, parseEnv } from "@/server/config/env.ts";

// Sealing reads APP_SECRET through the parsed environment (the development key when unset).
process.env.DATABASE_URL ??= "postgresql://unit@127.0.0.1/unit";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";

const at = (seconds: number) => seconds * 1000;

describe("TOTP", () => {
  it("accepts the current step and ±1, nothing further, and never a step at or before the last one", async () => {
    const secret = newTotpSecret();
    const now = 1_800_000_015; // 15 s into a step
    const code = (offsetSteps: number) => generate({ secret, epoch: now + offsetSteps * 30 });
    const step = Math.floor(now / 30);
    expect(await verifyTotp(secret, await code(0), null, at(now))).toBe(step);
    expect(await verifyTotp(secret, await code(-1), null, at(now))).toBe(step - 1);
    expect(await verifyTotp(secret, await code(1), null, at(now))).toBe(step + 1);
    expect(await verifyTotp(secret, await code(-2), null, at(now))).toBeNull();
    expect(await verifyTotp(secret, await code(2), null, at(now))).toBeNull();
    expect(await verifyTotp(secret, await code(0), step, at(now))).toBeNull();
    expect(await verifyTotp(secret, await code(1), step, at(now))).toBe(step + 1);
    expect(await verifyTotp(secret, "12345a", null, at(now))).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are 10 distinct, readable codes, compared without case or dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normaliseRecoveryCode(" ABCde-fGh23 ")).toBe("abcdefgh23");
    expect(recoveryCodeHash(codes[0]!.toUpperCase().replace("-", ""))).toBe(recoveryCodeHash(codes[0]!));
  });
});

describe("MFA requirement", () => {
  it("applies to admins and office staff without MFA only", () => {
    expect(mfaEnrolmentRequired({ companyRequires: true, role: "ADMIN", mfaEnabled: false })).toBe(true);
    expect(mfaEnrolmentRequired({ companyRequires: true, role: "OFFICE", mfaEnabled: false })).toBe(true);
    expect(mfaEnrolmentRequired({ companyRequires: true, role: "ENGINEER", mfaEnabled: false })).toBe(false);
    expect(mfaEnrolmentRequired({ companyRequires: true, role: "ADMIN", mfaEnabled: true })).toBe(false);
    expect(mfaEnrolmentRequired({ companyRequires: false, role: "ADMIN", mfaEnabled: false })).toBe(false);
  });
});

describe("sealed secrets", () => {
  it("round-trip, differ every time, and refuse tampering or another purpose", () => {
    const a = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DP", "mfa-totp-secret");
    const b = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DP", "mfa-totp-secret");
    expect(a).not.toBe(b);
    expect(openSecret(a, "mfa-totp-secret")).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(() => openSecret(a, "other-purpose")).toThrow();
    const parts = a.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => openSecret(parts.join("."), "mfa-totp-secret")).toThrow();
  });

  it("APP_SECRET is required in production and must be long", () => {
    const base = { DATABASE_URL: "postgresql://x@h/db", REDIS_URL: "redis://h", EMAIL_TRANSPORT: "mailbox" };
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(EnvError);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", APP_SECRET: "short" })).toThrow(/APP_SECRET must be at least 32/);
    expect(parseEnv({ ...base, NODE_ENV: "production", APP_SECRET: "x".repeat(32) }).APP_SECRET).toHaveLength(32);
    expect(parseEnv({ ...base, NODE_ENV: "development" }).APP_SECRET).toBeUndefined();
  });
});

describe("device names", () => {
  it("name common browsers and systems", () => {
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36")).toBe("Chrome on Windows");
    expect(describeDevice("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1")).toBe("Safari on iPhone");
    expect(describeDevice("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:131.0) Gecko/20100101 Firefox/131.0")).toBe("Firefox on macOS");
    expect(describeDevice("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0")).toBe("Edge on Windows");
    expect(describeDevice(null)).toBe("Unknown device");
  });
});
