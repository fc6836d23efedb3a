/**
 * CRC-32 (IEEE 802.3, as used by PNG and ZIP). Node's `zlib.crc32` when the runtime has it (Node 20.15+),
 * otherwise a table-driven implementation.
 */
import * as zlib from 'node:zlib';

let table: Uint32Array | undefined;

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** The portable implementation, exported so that tests can compare it with Node's. */
export function crc32Portable(data: Uint8Array): number {
  table ??= makeTable();
  let crc = 0xffffffff;
  for (const byte of data) crc = (table[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  return native ? native(data) >>> 0 : crc32Portable(data);
}
