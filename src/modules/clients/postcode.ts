/** UK postcodes: validation and the one normalised form ("M4 6BF": upper case, one space). Pure. */
const UK_POSTCODE = /^(GIR0AA|[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2})$/;

/** "m46bf", " M4  6bf " → "M4 6BF"; null when it isn't a UK postcode. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  if (!UK_POSTCODE.test(compact)) return null;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

export function isUkPostcode(raw: string): boolean {
  return normalisePostcode(raw) !== null;
}
