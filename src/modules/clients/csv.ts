/**
 * RFC 4180 CSV parsing: quoted fields (with commas and line breaks inside), "" as an escaped
 * quote, CRLF/LF/CR line ends, a leading UTF-8 BOM. Pure; no dependency.
 */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

/** Rows of fields. Blank lines are dropped; a trailing line break adds no row. */
export function parseCsv(input: string): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let fieldStarted = false;
  let line = 1;
  let quoteLine = 1;

  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === "\n") line++;
        else if (ch === "\r" && text[i + 1] !== "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted && field === "") {
      inQuotes = true;
      fieldStarted = true;
      quoteLine = line;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
    } else {
      // Text after a closing quote ("abc"def) is kept as written; a stray quote mid-field too.
      field += ch;
      fieldStarted = true;
    }
  }
  if (inQuotes) throw new CsvError(`A quoted field starting on line ${quoteLine} is never closed.`, quoteLine);
  if (field !== "" || fieldStarted || row.length > 0) endRow();
  return rows;
}
