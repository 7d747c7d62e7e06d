// Inkstone reading room: search the article index, read an article beside its page scan.
// Talks to the JSON API of the serve command (/api/...) and its IIIF-style page images (/iiif/...).
// Boxes from the API are [x0, y0, x1, y1] in px of the page image at scan resolution; they are
// drawn as percentages of the page size, so they stay on their lines at any display size.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { q: null, offset: 0, limit: 20, article: null, page: null, selected: -1, zoom: 1 };
const ZOOMS = [1, 1.5, 2, 3];

async function getJson(url) {
  const response = await fetch(url);
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    throw new Error(body && body.message ? body.message : `HTTP ${response.status}`);
  }
  return body;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
}

/** Text with the ranges [start, end) wrapped in <mark>. */
function marked(text, marks) {
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of marks || []) {
    if (s < at) continue;
    frag.append(text.slice(at, s), el('mark', null, text.slice(s, e)));
    at = e;
  }
  frag.append(text.slice(at));
  return frag;
}

function setStatus(text, error) {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', !!error);
}

function searchParams(offset) {
  const p = new URLSearchParams();
  p.set('q', $('q').value.trim());
  for (const name of ['from', 'to', 'newspaper', 'page']) {
    const v = $(name).value.trim();
    if (v) p.set(name, v);
  }
  p.set('offset', offset);
  p.set('limit', state.limit);
  return p;
}

async function search(offset) {
  const p = searchParams(offset);
  state.q = p.get('q');
  state.offset = offset;
  setStatus('searching…');
  try {
    const res = await getJson('/api/search?' + p);
    renderHits(res);
    updateHash();
    return res;
  } catch (e) {
    $('hits').replaceChildren();
    $('pager').hidden = true;
    setStatus(e.message, true);
    return null;
  }
}

function renderHits(res) {
  const list = $('hits');
  list.replaceChildren();
  for (const hit of res.hits) {
    const li = el('li', 'hit');
    li.dataset.id = hit.id;
    li.dataset.page = hit.page;
    const title = el('div', 'title');
    title.append(hit.title ? marked(hit.title, hit.title_marks) : '(no headline)');
    const meta = el('p', 'meta', [hit.newspaper, hit.date, `page ${hit.page}`, hit.id]
      .filter(Boolean).join(' · '));
    const snippet = el('p', 'snippet');
    snippet.append(marked(hit.snippet, hit.marks));
    li.append(title, meta, snippet);
    li.addEventListener('click', () => openArticle(hit.id, hit.page));
    list.append(li);
  }
  const first = res.total === 0 ? 0 : res.offset + 1;
  const last = res.offset + res.hits.length;
  setStatus(res.total === 0 ? `no articles for ${res.query}`
    : `${res.total} ${res.total === 1 ? 'article' : 'articles'} for ${res.query}`);
  $('range').textContent = res.total === 0 ? '' : `${first}–${last} of ${res.total}`;
  $('pager').hidden = res.total <= state.limit;
  $('prev').disabled = res.offset === 0;
  $('next').disabled = last >= res.total;
}

async function openArticle(id, page) {
  const cut = id.lastIndexOf('/');
  let url = `/api/articles/${encodeURIComponent(id.slice(0, cut))}/${encodeURIComponent(id.slice(cut + 1))}`;
  if (state.q) url += '?q=' + encodeURIComponent(state.q);
  let a;
  try {
    a = await getJson(url);
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  state.article = a;
  state.selected = -1;
  for (const li of document.querySelectorAll('#hits li')) {
    li.classList.toggle('current', li.dataset.id === id);
  }
  $('article').hidden = false;
  $('article-title').replaceChildren(render('title', a.title, a.marks ? a.marks.title : [], false));
  $('article-meta').textContent = [a.newspaper, a.date, a.id,
    a.pages.map((p) => `page ${p.page}` + (p.label ? ` (第${p.label}版)` : '')).join(', ')].filter(Boolean).join(' · ');
  $('article-text').replaceChildren(render('text', a.text, a.marks ? a.marks.text : [], true));
  const tabs = $('page-tabs');
  tabs.replaceChildren();
  for (const p of a.pages) {
    const b = el('button', null, `page ${p.page}`);
    b.type = 'button';
    b.setAttribute('role', 'tab');
    b.dataset.page = p.page;
    b.addEventListener('click', () => showPage(p.page));
    tabs.append(b);
  }
  const hitPage = a.boxes && a.boxes.length ? a.boxes[0].page : null;
  const want = a.pages.some((p) => p.page === Number(page)) ? Number(page) : hitPage || a.pages[0].page;
  showPage(want);
  updateHash();
}

/**
 * The title or text as DOM: each line's characters in a span.line (click: show the line on the
 * page), matched characters in <mark>, paragraphs (text split at \n) in <p>.
 */
function render(field, text, marks, paragraphs) {
  const a = state.article;
  const spans = a.lines.map((l, i) => ({ ...l, index: i })).filter((l) => l.field === field)
    .sort((x, y) => x.start - y.start);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  for (const [s, e] of marks || []) { cuts.add(s); cuts.add(e); }
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) { cuts.add(i); cuts.add(i + 1); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((x, y) => x - y);
  const root = document.createDocumentFragment();
  let block = paragraphs ? el('p') : root;
  let span = null;
  let spanEl = null;
  let k = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i];
    const e = points[i + 1];
    const piece = text.slice(s, e);
    if (paragraphs && piece === '\n') {
      root.append(block);
      block = el('p');
      span = null;
      continue;
    }
    while (k < spans.length && spans[k].end <= s) k++;
    const line = k < spans.length && spans[k].start <= s ? spans[k] : null;
    const isMarked = (marks || []).some(([ms, me]) => ms <= s && e <= me);
    const node = isMarked ? el('mark', null, piece) : document.createTextNode(piece);
    if (line) {
      if (span !== line) {
        span = line;
        spanEl = el('span', 'line');
        spanEl.dataset.index = line.index;
        spanEl.dataset.page = line.page;
        spanEl.title = `page ${line.page}`;
        spanEl.addEventListener('click', () => selectLine(line.index));
        block.append(spanEl);
      }
      spanEl.append(node);
    } else {
      span = null;
      block.append(node);
    }
  }
  if (paragraphs) root.append(block);
  return root;
}

function pageInfo(pageNo) {
  return state.article.pages.find((p) => p.page === pageNo);
}

function imageUrl(info) {
  const scroll = $('scan-scroll');
  const css = Math.max(300, scroll.clientWidth) * state.zoom * (window.devicePixelRatio || 1);
  const width = Math.ceil(css / 256) * 256;
  return `${info.image}/full/${width >= info.width ? 'max' : width + ','}/0/default.jpg`;
}

function showPage(pageNo) {
  const info = pageInfo(pageNo);
  if (!info) return;
  state.page = pageNo;
  for (const b of $('page-tabs').children) {
    b.setAttribute('aria-selected', String(Number(b.dataset.page) === pageNo));
  }
  const img = $('page-image');
  img.width = info.width;
  img.height = info.height;
  img.dataset.page = pageNo;
  const url = imageUrl(info);
  if (img.getAttribute('src') !== url) img.src = url;
  drawBoxes();
}

function box(bbox, className, info) {
  const d = el('div', 'box ' + className);
  d.style.left = (100 * bbox[0] / info.width) + '%';
  d.style.top = (100 * bbox[1] / info.height) + '%';
  d.style.width = (100 * (bbox[2] - bbox[0]) / info.width) + '%';
  d.style.height = (100 * (bbox[3] - bbox[1]) / info.height) + '%';
  d.dataset.bbox = bbox.join(',');
  return d;
}

function drawBoxes() {
  const a = state.article;
  const info = pageInfo(state.page);
  const overlay = $('overlay');
  overlay.replaceChildren();
  for (const f of a.fragments) {
    if (f.page === state.page) overlay.append(box(f.bbox, 'fragment', info));
  }
  for (const b of a.boxes || []) {
    if (b.page === state.page) overlay.append(box(b.bbox, 'hit', info));
  }
  const sel = state.selected >= 0 ? a.lines[state.selected] : null;
  if (sel && sel.page === state.page) {
    const d = box(sel.bbox, 'selected', info);
    overlay.append(d);
    d.scrollIntoView({ block: 'center', inline: 'nearest' });
  } else if (state.selected < 0 && overlay.querySelector('.box.hit')) {
    overlay.querySelector('.box.hit').scrollIntoView({ block: 'center', inline: 'nearest' });
  }
}

function selectLine(index) {
  state.selected = index;
  for (const s of document.querySelectorAll('span.line')) {
    s.classList.toggle('active', Number(s.dataset.index) === index);
  }
  const line = state.article.lines[index];
  if (line.page !== state.page) {
    showPage(line.page);
  } else {
    drawBoxes();
  }
}

function zoom(step) {
  const i = Math.max(0, Math.min(ZOOMS.length - 1, ZOOMS.indexOf(state.zoom) + step));
  state.zoom = ZOOMS[i];
  $('scan').style.width = (100 * state.zoom) + '%';
  if (state.article) showPage(state.page);
}

function updateHash() {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const name of ['from', 'to', 'newspaper', 'page']) {
    if ($(name).value.trim()) p.set(name, $(name).value.trim());
  }
  if (state.article) p.set('a', state.article.id);
  history.replaceState(null, '', '#' + p);
}

async function loadNewspapers() {
  try {
    const docs = await getJson('/api/documents');
    const names = [...new Set(docs.map((d) => d.newspaper).filter(Boolean))].sort();
    for (const n of names) {
      const o = el('option', null, n);
      o.value = n;
      $('newspaper').append(o);
    }
  } catch (e) {
    setStatus(e.message, true);
  }
}

async function start() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    search(0);
  });
  $('prev').addEventListener('click', () => search(Math.max(0, state.offset - state.limit)));
  $('next').addEventListener('click', () => search(state.offset + state.limit));
  $('zoom-in').addEventListener('click', () => zoom(1));
  $('zoom-out').addEventListener('click', () => zoom(-1));
  await loadNewspapers();
  const h = new URLSearchParams(location.hash.slice(1));
  for (const name of ['q', 'from', 'to', 'newspaper', 'page']) {
    if (h.get(name)) $(name).value = h.get(name);
  }
  if (h.get('q')) {
    await search(0);
    if (h.get('a')) openArticle(h.get('a'));
  }
}

start();
