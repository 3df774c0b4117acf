/** One entry of a zip archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** Declared uncompressed size in bytes (from the zip64 extra field when the 32-bit field is 0xFFFFFFFF). */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  /** Offset of the entry's local file header. */
  offset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;

/**
 * Reads a zip archive's central directory (the table of contents at the end of the file) without inflating
 * anything, so the uncompressed size of an XLSX can be checked before a byte of it is expanded. Returns null when
 * the bytes hold no readable central directory. Linear in the directory's size.
 * @example
 * zipEntries(readFileSync("book.xlsx"))?.find((e) => e.name === "xl/worksheets/sheet1.xml")?.size;
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u16 = (at: number): number => view.getUint16(at, true);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 0xffff; i--) {
    if (u32(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  let count = u16(end + 10);
  let start = u32(end + 16);
  if ((count === 0xffff || start === 0xffffffff) && end >= 20 && u32(end - 20) === EOCD64_LOCATOR) {
    const at = Number(view.getBigUint64(end - 20 + 8, true));
    if (at + 56 > bytes.length || u32(at) !== EOCD64) return null;
    count = Number(view.getBigUint64(at + 32, true));
    start = Number(view.getBigUint64(at + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = start;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(p) !== CEN) return null;
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    let compressedSize = u32(p + 20);
    let size = u32(p + 24);
    let offset = u32(p + 42);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // Zip64: the fields that overflowed 32 bits are listed, in this order, in extra field 0x0001.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd && e + 4 <= bytes.length) {
      const id = u16(e);
      const length = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = (): number => {
          const v = q + 8 <= e + 4 + length ? Number(view.getBigUint64(q, true)) : Number.MAX_SAFE_INTEGER;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + length;
    }
    entries.push({ name, size, compressedSize, method: u16(p + 10), offset });
    p = extraEnd + commentLength;
  }
  return entries;
}
