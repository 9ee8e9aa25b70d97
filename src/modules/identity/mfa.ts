/**
 * TOTP (RFC 6238 via otplib: SHA-1, 6 digits, 30 s, the authenticator-app defaults) and one-time
 * recovery codes. Pure apart from randomness: no database here.
 */
import { randomInt } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { sha256 } from "@/server/auth/tokens.ts";
import type { RoleName } from "./permissions.ts";

export const TOTP_PERIOD_SECONDS = 30;
/** ±1 time step, so a code typed just as it rolls over still works. */
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS;
export const RECOVERY_CODE_COUNT = 10;
/** The purpose label under which TOTP secrets are sealed (see secret-box.ts). */
export const MFA_SECRET_PURPOSE = "mfa-totp-secret";

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function otpauthUri(secret: string, email: string): string {
  return generateURI({ issuer: "Quantract", label: email, secret });
}

/** The enrolment QR code as an SVG data URL, rendered here (no external service sees the secret). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

export const isTotpCode = (code: string) => /^\d{6}$/.test(code);

/**
 * The time step the code belongs to when it is valid (within ±1 step) and newer than
 * `lastStep`; otherwise null. Storing the returned step as the new `lastStep` refuses replays.
 */
export async function verifyTotp(secret: string, code: string, lastStep: number | null, nowMs = Date.now()): Promise<number | null> {
  if (!isTotpCode(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // TOTP verification reports the matched step (otplib's result type is shared with HOTP).
  return result.valid && "timeStep" in result && typeof result.timeStep === "number" ? result.timeStep : null;
}

// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Ten codes like "k7m2p-x9qat", each ~49 bits; only their hashes are stored. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export function recoveryCodeHash(input: string): string {
  return sha256(`mfa-recovery:${normaliseRecoveryCode(input)}`);
}

/** The company switch "MFA required for admins and office staff" applies to this person now. */
export function mfaEnrolmentRequired(opts: { companyRequires: boolean; role: RoleName | null; mfaEnabled: boolean }): boolean {
  return opts.companyRequires && (opts.role === "ADMIN" || opts.role === "OFFICE") && !opts.mfaEnabled;
}
