/**
 * A minimal PNG encoder (8-bit grey or RGB, no interlace) for image grids inlined in reports.
 * @module
 */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

async function zlib(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Encodes pixels in [0, 1] (row-major, `channels` interleaved) as PNG bytes.
 * Values outside [0, 1] are clamped; NaN becomes 0.
 */
export async function encodePng(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  channels: 1 | 3,
): Promise<Uint8Array> {
  if (pixels.length !== width * height * channels) {
    throw new RangeError(`encodePng: ${pixels.length} values do not make a ${width}×${height}×${channels} image`);
  }
  const row = width * channels + 1;
  const raw = new Uint8Array(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0; // filter: none
    for (let i = 0; i < width * channels; i++) {
      const v = pixels[y * width * channels + i];
      raw[y * row + 1 + i] = Number.isNaN(v) ? 0 : Math.round(255 * Math.min(1, Math.max(0, v)));
    }
  }
  const header = new Uint8Array(13);
  const hv = new DataView(header.buffer);
  hv.setUint32(0, width);
  hv.setUint32(4, height);
  header.set([8, channels === 1 ? 0 : 2, 0, 0, 0], 8);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", await zlib(raw)),
    chunk("IEND", new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The PNG as a `data:` URI for an `<img src>`. */
export async function pngDataUri(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  channels: 1 | 3,
): Promise<string> {
  const bytes = await encodePng(pixels, width, height, channels);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(bin)}`;
}
