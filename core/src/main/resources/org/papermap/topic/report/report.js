// PaperMap topic report. Self-contained: no network, no library. The data container (gzip, base64) is
// described in org/papermap/topic/report/package-info.java.
(function () {
  'use strict';
  const el = (id) => document.getElementById(id);
  const OUTLIER_RGB = [176, 180, 186];

  function showError(err) {
    const box = el('error');
    box.hidden = false;
    box.textContent = 'The report could not be shown: ' + (err && err.message ? err.message : err);
    console.error(err);
  }

  // ---------------------------------------------------------------- data

  async function decode() {
    if (typeof DecompressionStream === 'undefined') {
      throw new Error('this browser lacks DecompressionStream (Chrome 80+, Firefox 113+, Safari 16.4+)');
    }
    const b64 = el('pm-data').textContent.trim();
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const buf = await new Response(stream).arrayBuffer();
    const headerLength = new DataView(buf).getUint32(0, true);
    const data = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 4, headerLength)));
    const base = 4 + headerLength + ((4 - ((4 + headerLength) & 3)) & 3);
    const types = { u8: Uint8Array, u16: Uint16Array, i32: Int32Array };
    data.a = {};
    for (const [name, a] of Object.entries(data.arrays)) {
      data.a[name] = new types[a.t](buf, base + a.o, a.n);
    }
    return data;
  }

  // ---------------------------------------------------------------- colours

  function hslToRgb(h, s, l) {
    const a = s * Math.min(l, 1 - l);
    const f = (n) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  }

  function palette(k) {
    const out = [];
    for (let t = 0; t < k; t++) {
      out.push(hslToRgb((t * 137.508) % 360, 0.62 + 0.2 * ((t >> 1) % 2), 0.42 + 0.12 * (t % 3) / 2));
    }
    return out;
  }

  const css = (rgb) => 'rgb(' + rgb.join(',') + ')';

  // ---------------------------------------------------------------- app

  function start(D) {
    const n = D.n;
    const k = D.k;
    const X = D.a.x;
    const Y = D.a.y;
    const T = D.a.topic;
    const colours = palette(k);
    const rgbOf = (t) => (t < 0 ? OUTLIER_RGB : colours[t]);
    const relK = D.a.rel ? D.a.rel.length / Math.max(1, n) : 0;
    const lowerTitles = D.titles.map((s) => s.toLowerCase());
    const state = { topic: null, paper: -1, matches: null, hover: -1 };

    el('stats').textContent = n.toLocaleString('en') + ' papers · ' + k + ' topics · ' +
      D.outliers.toLocaleString('en') + ' outliers';

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
      for (const t of order) {
        if (!cn[t] || (state.topic !== null && state.topic !== t)) continue;
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
      for (const j of related(i)) {
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
        if (i >= 0) selectPaper(i, false);
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
      tip.append(b, document.createElement('br'), topicName(T[i]));
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
    window.addEventListener('resize', () => { resize(); fitView(); requestDraw(); });
    window.addEventListener('keydown', (e) => { if (e.key === 'Escape') clearAll(); });
    el('reset').addEventListener('click', () => { clearAll(); fitView(); requestDraw(); });

    function clearAll() {
      state.topic = null;
      state.paper = -1;
      state.matches = null;
      el('search').value = '';
      renderTopicDetail();
      markSelectedTopic();
      requestDraw();
    }

    for (const b of document.querySelectorAll('#tabs button')) {
      b.addEventListener('click', () => showTab(b.dataset.tab));
    }
    function showTab(name) {
      for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
      for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + name);
    }

    // ------------------------------------------------------------ panels

    const topicName = (t) => (t < 0 ? 'outlier' : D.topics[t].label || 'topic ' + t);

    function swatch(t) {
      const s = document.createElement('span');
      s.className = 'sw';
      s.style.background = css(rgbOf(t));
      return s;
    }

    function paperList(items) {
      const ol = document.createElement('ol');
      ol.className = 'plist';
      for (const [i, sim] of items) {
        const li = document.createElement('li');
        li.textContent = D.titles[i];
        if (sim !== undefined) {
          const s = document.createElement('span');
          s.className = 'sim';
          s.textContent = sim.toFixed(2);
          li.append(s);
        }
        li.addEventListener('click', () => selectPaper(i, true));
        ol.append(li);
      }
      return ol;
    }

    function related(i) {
      const out = [];
      for (let j = 0; j < relK; j++) {
        const o = D.a.rel[i * relK + j];
        if (o >= 0) out.push([o, D.a.relSim[i * relK + j] / 255]);
      }
      return out;
    }

    function renderTopicList() {
      const list = el('topic-list');
      const order = D.topics.map((t) => t.id).sort((a, b) => D.topics[b].size - D.topics[a].size || a - b);
      for (const t of order) {
        const tp = D.topics[t];
        const li = document.createElement('li');
        li.className = 'topic-item';
        li.dataset.topic = t;
        const label = document.createElement('span');
        label.className = 'tl';
        label.textContent = tp.label || 'topic ' + t;
        const size = document.createElement('span');
        size.className = 'ts';
        size.textContent = tp.size.toLocaleString('en');
        const kw = document.createElement('span');
        kw.className = 'tk';
        kw.textContent = tp.kw.slice(0, 6).map((x) => x[0]).join(' · ');
        li.append(swatch(t), label, size, kw);
        li.addEventListener('click', () => selectTopic(state.topic === t ? null : t));
        list.append(li);
      }
      if (D.outliers > 0) {
        const li = document.createElement('li');
        li.className = 'outlier-item';
        const label = document.createElement('span');
        label.className = 'tl';
        label.textContent = 'Outliers';
        const size = document.createElement('span');
        size.className = 'ts';
        size.textContent = D.outliers.toLocaleString('en');
        li.append(swatch(-1), label, size);
        li.addEventListener('click', () => selectTopic(state.topic === -1 ? null : -1));
        list.append(li);
      }
    }

    function markSelectedTopic() {
      for (const li of document.querySelectorAll('.topic-item')) {
        li.classList.toggle('selected', Number(li.dataset.topic) === state.topic);
      }
    }

    function selectTopic(t) {
      state.topic = t;
      state.matches = null;
      markSelectedTopic();
      renderTopicDetail();
      renderTime();
      showTab('topics');
      requestDraw();
    }

    function renderTopicDetail() {
      const box = el('topic-detail');
      box.textContent = '';
      const t = state.topic;
      if (t === null || t < 0) return;
      const tp = D.topics[t];
      const h = document.createElement('h2');
      h.append(swatch(t), ' ', tp.label || 'topic ' + t);
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = 'Topic ' + t + ' · ' + tp.size.toLocaleString('en') + ' papers';
      box.append(h, meta);
      const max = tp.kw.length ? tp.kw[0][1] : 1;
      for (const [term, w] of tp.kw) {
        const row = document.createElement('div');
        row.className = 'kw';
        const name = document.createElement('span');
        name.textContent = term;
        const bar = document.createElement('span');
        bar.className = 'bar';
        bar.style.background = css(colours[t]);
        bar.style.width = Math.max(4, Math.round(90 * w / max)) + 'px';
        row.append(name, bar);
        box.append(row);
      }
      const rh = document.createElement('div');
      rh.className = 'res-group';
      rh.textContent = 'Representative papers';
      box.append(rh, paperList(tp.rep.map((i) => [i])));
    }

    function selectPaper(i, centre) {
      state.paper = i;
      if (centre) {
        view.tx = view.w / 2 - X[i] * view.s;
        view.ty = view.h / 2 - (65535 - Y[i]) * view.s;
      }
      renderPaper();
      showTab('paper');
      requestDraw();
    }

    function renderPaper() {
      const box = el('paper');
      box.textContent = '';
      const i = state.paper;
      if (i < 0) return;
      const h = document.createElement('h2');
      const url = D.urls && D.urls[i];
      if (url && /^https?:\/\//.test(url)) {
        const a = document.createElement('a');
        a.href = url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = D.titles[i];
        h.append(a);
      } else {
        h.textContent = D.titles[i];
      }
      const meta = document.createElement('div');
      meta.className = 'meta';
      const year = D.a.year[i];
      meta.textContent = D.ids[i] + (year ? ' · ' + year : '');
      const topic = document.createElement('div');
      topic.className = 'meta';
      topic.append(swatch(T[i]), ' ', topicName(T[i]),
        T[i] >= 0 ? ' · confidence ' + (D.a.conf[i] / 255).toFixed(2) : '');
      if (T[i] >= 0) {
        topic.style.cursor = 'pointer';
        topic.addEventListener('click', () => selectTopic(T[i]));
      }
      box.append(h, meta, topic);
      if (D.abstracts) {
        const p = document.createElement('p');
        p.className = 'abs';
        p.textContent = D.abstracts[i];
        box.append(p);
      }
      const rel = related(i);
      if (rel.length) {
        const rh = document.createElement('div');
        rh.className = 'res-group';
        rh.textContent = 'Related papers';
        box.append(rh, paperList(rel));
      }
    }

    function renderTree() {
      const root = el('tree');
      if (!D.tree.length) {
        root.innerHTML = '<p class="hint">One topic: no hierarchy.</p>';
        return;
      }
      const children = new Map();
      const sizeOf = (node) => (node < k ? D.topics[node].size : children.get(node).papers);
      const lead = new Map();
      D.tree.forEach(([l, r, d], i) => {
        const node = k + i;
        const papers = sizeOf(l) + sizeOf(r);
        children.set(node, { l, r, d, papers });
        const leadOf = (c) => (c < k ? c : lead.get(c));
        lead.set(node, sizeOf(l) >= sizeOf(r) ? leadOf(l) : leadOf(r));
      });
      function build(node, open) {
        if (node < k) {
          const div = document.createElement('div');
          div.className = 'leaf';
          const label = document.createElement('span');
          label.className = 'tl';
          label.textContent = D.topics[node].label || 'topic ' + node;
          const size = document.createElement('span');
          size.className = 'd';
          size.textContent = D.topics[node].size.toLocaleString('en');
          div.append(swatch(node), label, size);
          div.addEventListener('click', () => selectTopic(node));
          return div;
        }
        const c = children.get(node);
        const det = document.createElement('details');
        det.open = open;
        const sum = document.createElement('summary');
        const d = document.createElement('span');
        d.className = 'd';
        d.textContent = ' · distance ' + c.d.toFixed(2) + ' · ' + c.papers.toLocaleString('en') + ' papers';
        sum.append(topicName(lead.get(node)) + ' …', d);
        det.append(sum);
        det.addEventListener('toggle', () => {
          if (det.open && det.childElementCount === 1) det.append(build(c.l, false), build(c.r, false));
        }, { once: false });
        if (open) det.append(build(c.l, false), build(c.r, false));
        return det;
      }
      root.append(build(k + D.tree.length - 1, true));
    }

    function renderTime() {
      const box = el('time');
      box.textContent = '';
      if (!D.time) {
        box.innerHTML = '<p class="hint">The papers carry no dates.</p>';
        return;
      }
      const cols = D.time.cols;
      const totals = cols.map((_, c) => D.time.rows.reduce((s, row) => s + row[c], 0));
      const t = state.topic;
      const sel = t === null ? null : D.time.rows[t < 0 ? k : t];
      const W = 340, H = 180, L = 34, B = 34;
      const max = Math.max(1, ...totals);
      const bw = (W - L) / cols.length;
      const ns = 'http://www.w3.org/2000/svg';
      const svg = document.createElementNS(ns, 'svg');
      svg.setAttribute('width', W);
      svg.setAttribute('height', H);
      const rect = (x, y, w, h, fillColour) => {
        const r = document.createElementNS(ns, 'rect');
        r.setAttribute('x', x); r.setAttribute('y', y); r.setAttribute('width', Math.max(0.5, w)); r.setAttribute('height', h);
        r.setAttribute('fill', fillColour);
        svg.append(r);
      };
      const text = (x, y, s, anchor) => {
        const e = document.createElementNS(ns, 'text');
        e.setAttribute('x', x); e.setAttribute('y', y); e.setAttribute('text-anchor', anchor || 'start');
        e.textContent = s;
        svg.append(e);
      };
      cols.forEach((c, i) => {
        const x = L + i * bw;
        const h = (H - B) * totals[i] / max;
        rect(x + 1, H - B - h, bw - 2, h, sel ? '#dde1e6' : '#9aa5b1');
        if (sel) {
          const hs = (H - B) * sel[i] / max;
          rect(x + 1, H - B - hs, bw - 2, hs, css(rgbOf(t)));
        }
      });
      const step = Math.max(1, Math.ceil(cols.length / 6));
      cols.forEach((c, i) => { if (i % step === 0) text(L + i * bw + bw / 2, H - B + 14, c, 'middle'); });
      text(0, 10, max.toLocaleString('en'));
      text(0, H - B, '0');
      const cap = document.createElement('p');
      cap.className = 'hint';
      cap.textContent = (t === null ? 'All papers' : topicName(t)) + ' per period' +
        (D.time.missing ? ' (' + D.time.missing.toLocaleString('en') + ' papers without a date)' : '') +
        '. Select a topic to compare it with all papers.';
      box.append(svg, cap);
    }

    let searchTimer = 0;
    el('search').addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(runSearch, 150);
    });

    function runSearch() {
      const q = el('search').value.trim().toLowerCase();
      const box = el('results');
      box.textContent = '';
      if (q.length < 2) {
        state.matches = null;
        requestDraw();
        box.innerHTML = '<p class="hint">Type at least two characters.</p>';
        return;
      }
      const topics = D.topics.filter((tp) => tp.label.toLowerCase().includes(q) ||
        tp.kw.some((x) => x[0].toLowerCase().includes(q)));
      const matches = [];
      for (let i = 0; i < n; i++) if (lowerTitles[i].includes(q)) matches.push(i);
      state.matches = matches;
      state.topic = null;
      markSelectedTopic();
      requestDraw();
      const th = document.createElement('div');
      th.className = 'res-group';
      th.textContent = 'Topics (' + topics.length + ')';
      box.append(th);
      for (const tp of topics) {
        const div = document.createElement('div');
        div.className = 'leaf';
        div.style.cursor = 'pointer';
        div.append(swatch(tp.id), ' ', tp.label);
        div.addEventListener('click', () => selectTopic(tp.id));
        box.append(div);
      }
      const ph = document.createElement('div');
      ph.className = 'res-group';
      ph.textContent = 'Papers (' + matches.length.toLocaleString('en') + (matches.length > 200 ? ', first 200' : '') + ')';
      box.append(ph, paperList(matches.slice(0, 200).map((i) => [i])));
      showTab('search');
    }

    // ------------------------------------------------------------ first paint

    resize();
    fitView();
    renderTopicList();
    renderTree();
    renderTime();
    draw();
    window.__pm = {
      ready: true,
      firstPaintMs: performance.now(),
      papers: n,
      topics: k,
      // for automated checks: where paper i is on the page, in CSS pixels
      locate: (i) => {
        const r = canvas.getBoundingClientRect();
        return [r.left + toScreenX(X[i]), r.top + toScreenY(Y[i])];
      },
      title: (i) => D.titles[i],
      keyword: (t) => (D.topics[t] && D.topics[t].kw.length ? D.topics[t].kw[0][0] : ''),
    };
    document.body.dataset.ready = '1';
  }

  decode().then((D) => {
    window.__pmDecodeMs = performance.now();
    start(D);
  }).catch(showError);
})();
