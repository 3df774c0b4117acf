export interface Decoded {
  text: string;
  encoding: "utf-8" | "windows-1252";
  bom: boolean;
  /** Where the bytes stopped being UTF-8, when the fallback was used. */
  invalid?: { offset: number; byte: number; line: number };
}

// Windows-1252 differs from ISO-8859-1 only in 0x80-0x9F (curly quotes, euro, dashes). Some Node 20 builds
// decode the "windows-1252" label as ISO-8859-1, so those 32 bytes are mapped here (WHATWG index-windows-1252).
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (CP1252_HIGH[b - 0x80] as number) : b)),
    );
  }
  return out;
}

// Returns the offset of the first byte that breaks UTF-8, or -1. TextDecoder's fatal mode says only "invalid".
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes an exported text file: strips a UTF-8 BOM, and falls back to Windows-1252 (the superset of Latin-1
 * that Excel on Windows writes) when the bytes are not valid UTF-8.
 * @example
 * decodeText(Buffer.from([0x3c, 0xa3, 0x35])).encoding; // "windows-1252" ("£5")
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(body), encoding: "utf-8", bom };
  let line = 1;
  for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
  return {
    text: decodeWindows1252(body),
    encoding: "windows-1252",
    bom,
    invalid: { offset: bad + (bom ? 3 : 0), byte: body[bad] as number, line },
  };
}
