// The side panels: topic list and detail, paper detail with related papers, hierarchy, timeline, search.
function createPanels(app) {
  const { D, n, k, T, colours, rgbOf, state } = app;
  const lowerTitles = D.titles.map((s) => s.toLowerCase());

  function showTab(name) {
    for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
    for (const s of document.querySelectorAll('.tab')) s.classList.toggle('active', s.id === 'tab-' + name);
  }
  for (const b of document.querySelectorAll('#tabs button')) {
    b.addEventListener('click', () => showTab(b.dataset.tab));
  }

  function clearAll() {
    state.topic = null;
    state.paper = -1;
    state.matches = null;
    el('search').value = '';
    renderTopicDetail();
    markSelectedTopic();
    app.map.requestDraw();
  }

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
    app.map.requestDraw();
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
    if (tp.labels && tp.labels.length) {
      const lab = document.createElement('div');
      lab.className = 'meta';
      lab.textContent = 'Labels: ' + tp.labels.map(([name, c]) =>
        name + ' ' + Math.round(100 * c / tp.size) + '%').join(' · ');
      box.append(lab);
    }
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
    if (centre) app.map.centreOn(i);
    renderPaper();
    showTab('paper');
    app.map.requestDraw();
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
    topic.append(swatch(T[i]), ' ', app.topicName(T[i]),
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
    const rel = app.related(i);
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
      sum.append(app.topicName(lead.get(node)) + ' …', d);
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
    cap.textContent = (t === null ? 'All papers' : app.topicName(t)) + ' per period' +
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
      app.map.requestDraw();
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
    app.map.requestDraw();
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

  return { renderTopicList, renderTree, renderTime, selectTopic, selectPaper, clearAll };
}
