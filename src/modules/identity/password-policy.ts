/**
 * What a new password must be: at least 12 characters, not one of the passwords attackers try
 * first, and not just the person's email. Shared by the reset and invitation forms and handlers.
 */
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

/** The most common passwords of 12+ characters (and the demo one), lower-cased. */
const COMMON = new Set([
  "123456789012", "1234567890123", "12345678910", "qwertyuiopas", "qwerty123456", "password1234", "password12345",
  "passwordpassword", "iloveyou1234", "111111111111", "000000000000", "123123123123", "abc123abc123",
  "qwertyuiop12", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3", "letmein12345", "welcome12345", "welcome123456",
  "administrator", "changeme1234", "trustno11234", "football1234", "baseball1234", "monkey123456", "sunshine1234",
  "princess1234", "superman1234", "starwars1234", "liverpool123", "manchester12", "chelsea12345", "arsenal12345",
  "qwertyqwerty", "asdfghjkl123", "zxcvbnm12345", "passw0rd1234", "p@ssword1234", "p@ssw0rd1234", "password123!",
  "aaaaaaaaaaaa", "abcdefghijkl", "abcdefgh1234", "1234qwerasdf", "qwer1234asdf", "summer123456", "winter123456",
  "spring123456", "autumn123456", "quantract123", "quantract-demo-1",
]);

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, "Use at most 200 characters")
  .refine((p) => !COMMON.has(p.toLowerCase()), "That password is too common: choose something less guessable")
  .refine((p) => new Set(p).size >= 4, "Use a mix of characters, not the same few repeated");

/** Also refuses the person's own email (or its name part) as their password. */
export function passwordProblems(password: string, email: string): string | null {
  const r = newPasswordSchema.safeParse(password);
  if (!r.success) return r.error.issues[0]!.message;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split("@")[0] ?? "";
  if (lower === email.toLowerCase() || (local.length >= 6 && lower.includes(local))) return "Don't use your email address in your password";
  return null;
}
