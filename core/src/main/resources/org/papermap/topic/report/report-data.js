// Data: inflate the embedded container, and the colours. Shared by the other report-*.js parts, which
// are concatenated into one function scope (see report.html).
const el = (id) => document.getElementById(id);
const OUTLIER_RGB = [176, 180, 186];

function showError(err) {
  const box = el('error');
  box.hidden = false;
  box.textContent = 'The report could not be shown: ' + (err && err.message ? err.message : err);
  console.error(err);
}

async function decode() {
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('this browser lacks DecompressionStream (Chrome 80+, Firefox 113+, Safari 16.4+)');
  }
  const timings = {};
  const b64 = el('pm-data').textContent.trim();
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(b64);
  } else {
    const bin = atob(b64);
    bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  }
  timings.base64 = performance.now();
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  const buf = await new Response(stream).arrayBuffer();
  timings.inflate = performance.now();
  const headerLength = new DataView(buf).getUint32(0, true);
  const data = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, headerLength)));
  timings.parse = performance.now();
  data.timings = timings;
  const base = 4 + headerLength + ((4 - ((4 + headerLength) & 3)) & 3);
  const types = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array, u32: Uint32Array };
  data.a = {};
  for (const [name, a] of Object.entries(data.arrays)) {
    data.a[name] = new types[a.t](buf, base + a.o, a.n);
  }
  return data;
}

function hslToRgb(h, s, l) {
  const a = s * Math.min(l, 1 - l);
  const f = (n) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/**
 * One colour per topic. Hues step by the golden angle in order of topic size, so the largest topics get
 * the most distinct colours; lightness and saturation alternate to separate neighbours further.
 */
function palette(topics) {
  const out = new Array(topics.length);
  const bySize = topics.map((t) => t.id).sort((a, b) => topics[b].size - topics[a].size || a - b);
  bySize.forEach((t, rank) => {
    out[t] = hslToRgb((rank * 137.508) % 360, 0.62 + 0.2 * ((rank >> 1) % 2), 0.40 + 0.12 * (rank % 3) / 2);
  });
  return out;
}

const css = (rgb) => 'rgb(' + rgb.join(',') + ')';
