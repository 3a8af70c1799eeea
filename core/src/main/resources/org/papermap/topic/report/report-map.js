// The map: papers on a canvas coloured by topic, pan (drag), zoom (wheel), hover and click, topic labels
// at each topic's median position, the selected paper with lines to its related papers.
function createMap(app) {
  const { D, n, k, X, Y, T, colours, state } = app;

  // where each topic's label goes: the coordinate-wise median of its papers (robust to stragglers)
  const cx = new Float64Array(k), cy = new Float64Array(k), cn = new Int32Array(k);
  {
    const start = new Int32Array(k + 1);
    for (let i = 0; i < n; i++) if (T[i] >= 0) start[T[i] + 1]++;
    for (let t = 0; t < k; t++) start[t + 1] += start[t];
    const xs = new Uint16Array(start[k]), ys = new Uint16Array(start[k]);
    const at = start.slice(0, k);
    for (let i = 0; i < n; i++) {
      const t = T[i];
      if (t >= 0) { xs[at[t]] = X[i]; ys[at[t]++] = Y[i]; }
    }
    for (let t = 0; t < k; t++) {
      cn[t] = start[t + 1] - start[t];
      if (!cn[t]) continue;
      const sx = xs.subarray(start[t], start[t + 1]).sort();
      const sy = ys.subarray(start[t], start[t + 1]).sort();
      cx[t] = sx[cn[t] >> 1];
      cy[t] = sy[cn[t] >> 1];
    }
  }

  // a 256 × 256 grid over the quantized coordinates, for hover and click
  const G = 256;
  const cellStart = new Int32Array(G * G + 1);
  const cellOf = (i) => (Y[i] >> 8) * G + (X[i] >> 8);
  for (let i = 0; i < n; i++) cellStart[cellOf(i) + 1]++;
  for (let c = 0; c < G * G; c++) cellStart[c + 1] += cellStart[c];
  const cellItems = new Int32Array(n);
  const fill = cellStart.slice(0, G * G);
  for (let i = 0; i < n; i++) cellItems[fill[cellOf(i)]++] = i;

  // ------------------------------------------------------------ view

  const canvas = el('map');
  const ctx = canvas.getContext('2d');
  const view = { s: 1, tx: 0, ty: 0, w: 0, h: 0, dpr: 1 };
  let image = null;
  let pixels = null;

  function resize() {
    const r = canvas.getBoundingClientRect();
    view.dpr = window.devicePixelRatio || 1;
    view.w = Math.max(1, Math.floor(r.width));
    view.h = Math.max(1, Math.floor(r.height));
    canvas.width = Math.floor(view.w * view.dpr);
    canvas.height = Math.floor(view.h * view.dpr);
    image = ctx.createImageData(canvas.width, canvas.height);
    pixels = new Uint32Array(image.data.buffer);
  }

  function fitView() {
    const margin = 24;
    view.s = Math.min(view.w - 2 * margin, view.h - 2 * margin) / 65536;
    view.tx = (view.w - 65536 * view.s) / 2;
    view.ty = (view.h - 65536 * view.s) / 2;
  }

  const toScreenX = (x) => view.tx + x * view.s;
  const toScreenY = (y) => view.ty + (65535 - y) * view.s;
  const toWorldX = (sx) => (sx - view.tx) / view.s;
  const toWorldY = (sy) => 65535 - (sy - view.ty) / view.s;

  const pack = (rgb) => (255 << 24) | (rgb[2] << 16) | (rgb[1] << 8) | rgb[0];
  const packed = colours.map(pack);
  const packedOutlier = pack(OUTLIER_RGB);
  const packedDim = pack([225, 228, 232]);
  const packedMatch = pack([20, 20, 20]);

  let frame = 0;
  function requestDraw() {
    if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); });
  }

  function plot(i, colour, r) {
    const W = canvas.width;
    const H = canvas.height;
    const px = Math.round(toScreenX(X[i]) * view.dpr);
    const py = Math.round(toScreenY(Y[i]) * view.dpr);
    if (px < -r || py < -r || px >= W + r || py >= H + r) return;
    for (let dy = -r; dy <= r; dy++) {
      const yy = py + dy;
      if (yy < 0 || yy >= H) continue;
      const row = yy * W;
      for (let dx = -r; dx <= r; dx++) {
        const xx = px + dx;
        if (xx >= 0 && xx < W) pixels[row + xx] = colour;
      }
    }
  }

  function draw() {
    pixels.fill(0xffffffff);
    const zoom = view.s * 65536 / Math.min(view.w, view.h);
    const r = Math.max(1, Math.min(3, Math.round(view.dpr * Math.sqrt(zoom) * (n > 20000 ? 0.6 : 1.1))));
    const focus = state.topic;
    const dimOthers = focus !== null || state.matches !== null;
    for (let i = 0; i < n; i++) {
      const t = T[i];
      let c = t < 0 ? packedOutlier : packed[t];
      if (dimOthers) {
        const inFocus = focus !== null ? t === focus : false;
        if (!inFocus) c = packedDim;
        else continue; // drawn on top below
      }
      plot(i, c, t < 0 ? Math.max(0, r - 1) : r);
    }
    if (focus !== null) {
      for (let i = 0; i < n; i++) if (T[i] === focus) plot(i, focus < 0 ? packedOutlier : packed[focus], r);
    }
    if (state.matches) {
      for (const i of state.matches) plot(i, T[i] < 0 ? packedMatch : packed[T[i]], r + 1);
    }
    ctx.putImageData(image, 0, 0);
    ctx.save();
    ctx.scale(view.dpr, view.dpr);
    drawTopicLabels();
    drawSelection();
    ctx.restore();
  }

  function drawTopicLabels() {
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const order = D.topics.map((t) => t.id).sort((a, b) => D.topics[b].size - D.topics[a].size);
    const shown = [];
    // small topics get a label only when zoomed in enough for their papers to stand apart
    const zoom = view.s * 65536 / Math.min(view.w, view.h);
    const minSize = Math.max(2, n / (500 * zoom * zoom));
    for (const t of order) {
      if (!cn[t] || (state.topic !== null && state.topic !== t)) continue;
      if (state.topic === null && cn[t] < minSize) continue;
      const sx = toScreenX(cx[t]);
      const sy = toScreenY(cy[t]);
      if (sx < 0 || sy < 0 || sx > view.w || sy > view.h) continue;
      const text = D.topics[t].label.split(', ').slice(0, 2).join(', ');
      const w = ctx.measureText(text).width + 8;
      if (shown.some((b) => Math.abs(b[0] - sx) < (b[2] + w) / 2 && Math.abs(b[1] - sy) < 16)) continue;
      shown.push([sx, sy, w]);
      ctx.fillStyle = 'rgba(255,255,255,0.8)';
      ctx.fillRect(sx - w / 2, sy - 9, w, 18);
      ctx.fillStyle = css(colours[t]);
      ctx.fillText(text, sx, sy);
      if (shown.length >= 40) break;
    }
  }

  function drawSelection() {
    const i = state.paper;
    if (i < 0) return;
    const sx = toScreenX(X[i]);
    const sy = toScreenY(Y[i]);
    ctx.strokeStyle = 'rgba(29,34,40,0.5)';
    ctx.lineWidth = 1;
    for (const j of app.related(i)) {
      ctx.beginPath();
      ctx.moveTo(sx, sy);
      ctx.lineTo(toScreenX(X[j[0]]), toScreenY(Y[j[0]]));
      ctx.stroke();
    }
    ctx.strokeStyle = '#1d2228';
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(sx, sy, 7, 0, 2 * Math.PI);
    ctx.stroke();
  }

  function nearest(sx, sy, radiusPx) {
    const wx = toWorldX(sx);
    const wy = toWorldY(sy);
    const rw = radiusPx / view.s;
    const c0 = Math.max(0, Math.floor((wx - rw) / 256)), c1 = Math.min(G - 1, Math.floor((wx + rw) / 256));
    const r0 = Math.max(0, Math.floor((wy - rw) / 256)), r1 = Math.min(G - 1, Math.floor((wy + rw) / 256));
    let best = -1;
    let bestD = rw * rw;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * G + c;
        for (let p = cellStart[cell]; p < cellStart[cell + 1]; p++) {
          const i = cellItems[p];
          if (state.topic !== null && T[i] !== state.topic) continue;
          const dx = X[i] - wx, dy = Y[i] - wy;
          const d = dx * dx + dy * dy;
          if (d <= bestD) { bestD = d; best = i; }
        }
      }
    }
    return best;
  }

  // ------------------------------------------------------------ interaction

  let drag = null;
  canvas.addEventListener('mousedown', (e) => {
    drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false };
    canvas.classList.add('dragging');
  });
  window.addEventListener('mouseup', (e) => {
    if (!drag) return;
    const wasClick = !drag.moved;
    drag = null;
    canvas.classList.remove('dragging');
    if (wasClick && e.target === canvas) {
      const r = canvas.getBoundingClientRect();
      const i = nearest(e.clientX - r.left, e.clientY - r.top, 8);
      if (i >= 0) app.selectPaper(i, false);
    }
  });
  canvas.addEventListener('mousemove', (e) => {
    const r = canvas.getBoundingClientRect();
    if (drag) {
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      view.tx = drag.tx + dx;
      view.ty = drag.ty + dy;
      el('tip').hidden = true;
      requestDraw();
      return;
    }
    const i = nearest(e.clientX - r.left, e.clientY - r.top, 8);
    const tip = el('tip');
    if (i < 0) { tip.hidden = true; return; }
    tip.hidden = false;
    tip.textContent = '';
    const b = document.createElement('b');
    b.textContent = D.titles[i];
    tip.append(b, document.createElement('br'), app.topicName(T[i]));
    tip.style.left = Math.min(e.clientX - r.left + 12, view.w - 300) + 'px';
    tip.style.top = (e.clientY - r.top + 12) + 'px';
  });
  canvas.addEventListener('mouseleave', () => { el('tip').hidden = true; });
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    const sx = e.clientX - r.left, sy = e.clientY - r.top;
    const f = Math.exp(-e.deltaY * 0.0015);
    const wx = toWorldX(sx), wy = toWorldY(sy);
    view.s = Math.max(1e-6, view.s * f);
    view.tx = sx - wx * view.s;
    view.ty = sy - (65535 - wy) * view.s;
    requestDraw();
  }, { passive: false });

  /** Centres the view on paper i. */
  function centreOn(i) {
    view.tx = view.w / 2 - X[i] * view.s;
    view.ty = view.h / 2 - (65535 - Y[i]) * view.s;
  }

  /** Where paper i is on the page, in CSS pixels (for automated checks). */
  function locate(i) {
    const r = canvas.getBoundingClientRect();
    return [r.left + toScreenX(X[i]), r.top + toScreenY(Y[i])];
  }

  return { resize, fitView, draw, requestDraw, centreOn, locate };
}
