#!/usr/bin/env node
'use strict';
// Draws the PlanCheck icon (RAG stripes with a white tick) as PNGs, so no binary is hand-edited.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x / size, y / size), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const STRIPES = [[0xc0, 0x00, 0x00], [0xff, 0xc0, 0x00], [0x00, 0xb0, 0x50]];
function pixel(u, v) {
  // Distance from the tick's two strokes (from (0.22,0.52) to (0.42,0.72) to (0.8,0.3)).
  const seg = (ax, ay, bx, by) => {
    const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay)));
  };
  if (Math.min(seg(0.22, 0.52, 0.42, 0.72), seg(0.42, 0.72, 0.8, 0.3)) < 0.07) return [255, 255, 255, 255];
  const [r, g, b] = STRIPES[Math.min(2, Math.floor(v * 3))];
  return [r, g, b, 255];
}
const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, pixel));
fs.writeFileSync(path.join(out, 'logo-filled.png'), png(300, pixel));
process.stdout.write('Wrote assets/icon-{16,32,64,80,128}.png and logo-filled.png\n');
