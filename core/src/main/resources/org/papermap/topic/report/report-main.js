// Wiring: shared state, the map and the panels, the first paint, and the hook automated checks read.
function start(D) {
  const n = D.n;
  const k = D.k;
  const colours = palette(D.topics);
  const relK = D.a.rel ? D.a.rel.length / Math.max(1, n) : 0;
  const app = {
    D, n, k, X: D.a.x, Y: D.a.y, T: D.a.topic, colours,
    rgbOf: (t) => (t < 0 ? OUTLIER_RGB : colours[t]),
    state: { topic: null, paper: -1, matches: null },
    topicName: (t) => (t < 0 ? 'outlier' : D.topics[t].label || 'topic ' + t),
    /** The related papers of paper i as [ord, similarity], best first. */
    related: (i) => {
      const out = [];
      for (let j = 0; j < relK; j++) {
        const z = D.a.rel[i * relK + j]; // zigzag of (neighbour − i); 0 = none
        if (z !== 0) out.push([i + ((z >>> 1) ^ -(z & 1)), D.a.relSim[i * relK + j] / 255]);
      }
      return out;
    },
  };
  el('stats').textContent = n.toLocaleString('en') + ' papers · ' + k + ' topics · ' +
    D.outliers.toLocaleString('en') + ' outliers';
  app.map = createMap(app);
  const panels = createPanels(app);
  app.selectPaper = panels.selectPaper;

  window.addEventListener('resize', () => { app.map.resize(); app.map.fitView(); app.map.requestDraw(); });
  window.addEventListener('keydown', (e) => { if (e.key === 'Escape') panels.clearAll(); });
  el('reset').addEventListener('click', () => { panels.clearAll(); app.map.fitView(); app.map.requestDraw(); });

  app.map.resize();
  app.map.fitView();
  panels.renderTopicList();
  panels.renderTree();
  panels.renderTime();
  app.map.draw();
  window.__pm = {
    ready: true,
    firstPaintMs: performance.now(),
    timings: D.timings,
    papers: n,
    topics: k,
    locate: app.map.locate,
    title: (i) => D.titles[i],
    keyword: (t) => (D.topics[t] && D.topics[t].kw.length ? D.topics[t].kw[0][0] : ''),
  };
  document.body.dataset.ready = '1';
}

decode().then((D) => {
  window.__pmDecodeMs = performance.now();
  start(D);
}).catch(showError);
