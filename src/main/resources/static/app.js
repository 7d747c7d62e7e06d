// Inkstone reading room: browse newspapers, issues and pages, search the article index, read an
// article beside its page scan. Talks to the JSON API of the serve command (/api/...), its IIIF
// page images (/iiif/...) and the issues' exports (/exports/...). Every view has its address
// (#doc=…, #doc=…&p=…, #q=…, #a=…): views are entries of the browser's history, and an address
// pasted into a tab opens its view.
// Boxes from the API are [x0, y0, x1, y1] in px of the page image at scan resolution; they are
// drawn as percentages of the page size, so they stay on their lines at any display size.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { q: null, offset: 0, limit: 20, article: null, page: null, selected: -1, zoom: 1,
  searched: null, docs: null, issue: null, pageView: null };
const ZOOMS = [1, 1.5, 2, 3, 4];
/** Smallest height, CSS px, at which the scan's body type is shown when a page is opened. */
const READABLE_PX = 15;

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

/** Runs the search of the form's fields at an offset, as a new entry of the history. */
function submitSearch(offset) {
  const p = searchParams(offset);
  p.delete('limit');
  if (!offset) p.delete('offset');
  go(p);
}

async function search(offset) {
  const p = searchParams(offset);
  state.q = p.get('q');
  state.offset = offset;
  const key = p.toString();
  if (state.searched === key) return null;
  setStatus('searching…');
  try {
    const res = await getJson('/api/search?' + p);
    state.searched = key;
    renderHits(res);
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
    const pages = (hit.pages && hit.pages.length ? hit.pages : [hit.page]).map((n) => `第${n}版`).join('、');
    const meta = el('p', 'meta', [hit.newspaper, hit.date, pages, hit.id].filter(Boolean).join(' · '));
    const snippet = el('p', 'snippet');
    snippet.append(marked(hit.snippet, hit.marks));
    li.append(title, meta, snippet);
    li.addEventListener('click', () => {
      const p = new URLSearchParams(location.hash.slice(1));
      p.set('a', hit.id);
      p.set('p', hit.page);
      go(p);
    });
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
  showArticlePane(true);
  $('page-articles').hidden = true;
  $('article-text').hidden = false;
  $('article-title').replaceChildren(render('title', a.title, a.marks ? a.marks.title : [], false));
  citeAndDownloads(a);
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
  readableZoom(pageInfo(want), a.lines.filter((l) => l.page === want).map((l) => l.bbox[3] - l.bbox[1]));
  showPage(want);
}

/** The permalink of an article: this reading room's address with the article's id. */
function permalink(id) {
  return `${location.origin}${location.pathname}#a=${encodeURIComponent(id)}`;
}

/** The citation line and the download links of an open article. */
function citeAndDownloads(a) {
  const doc = a.document;
  const labels = a.pages.map((p) => `第${p.label || p.page}版`).join('、');
  const link = permalink(a.id);
  const cite = $('citation');
  cite.replaceChildren(el('span', 'label', '引用 cite: '),
    [a.newspaper || doc, a.date, labels, a.title ? `《${a.title}》` : null].filter(Boolean).join('，') + '。', ' ');
  const anchor = el('a', 'permalink', link);
  anchor.href = link;
  cite.append(anchor);
  const base = exportsOf(doc);
  const local = a.id.slice(a.id.lastIndexOf('/') + 1);
  const links = [[`${base}/text/${encodeURIComponent(local)}.txt`, '文本 text'],
    [`${base}/${encodeURIComponent(doc)}.pdf`, 'PDF'], [`${base}/mets.xml`, 'METS']];
  for (const p of a.pages) links.push([altoOf(doc, p.page), `ALTO 第${p.label || p.page}版`]);
  downloads($('article-downloads'), links);
}

/** The served export folder of a document. */
function exportsOf(doc) {
  return `/exports/${encodeURIComponent(doc)}`;
}

/** The served ALTO file of a page. */
function altoOf(doc, page) {
  return `${exportsOf(doc)}/alto/${String(page).padStart(4, '0')}.xml`;
}

/** An article as a list names it: its title, else the opening of its text. */
function entryName(a) {
  return a.title || a.opening + '…';
}

/** Download links ([href, text]); a third element true makes a link to open rather than save. */
function downloads(target, links) {
  target.replaceChildren(el('span', 'label', '下载 download: '));
  for (const [href, text, open] of links) {
    const a = el('a', null, text);
    a.href = href;
    if (!open) a.setAttribute('download', '');
    target.append(a, ' ');
  }
}

/**
 * Sets the zoom so that the page's type shows at least READABLE_PX high: the median of the given
 * line heights (px of the page image), or body type of 10.5 points at the page's dpi.
 */
function readableZoom(info, heights) {
  if (!info) return;
  const sorted = heights.filter((h) => h > 0).sort((x, y) => x - y);
  const type = sorted.length ? sorted[Math.floor(sorted.length / 2)] : (info.dpi || 300) * 10.5 / 72;
  const width = Math.max(300, $('scan-scroll').clientWidth - 16);
  const shown = type * width / info.width;
  state.zoom = ZOOMS.find((z) => shown * z >= READABLE_PX) || ZOOMS[ZOOMS.length - 1];
  $('scan').style.width = (100 * state.zoom) + '%';
}

function showArticlePane(show) {
  $('article').hidden = !show;
  document.querySelector('main').classList.toggle('wide', !show);
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
  const pages = state.article ? state.article.pages : state.pageView ? state.pageView.pages : [];
  return pages.find((p) => p.page === pageNo);
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
  if (!a) {
    $('overlay').replaceChildren();
    return;
  }
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
  if (state.article || state.pageView) showPage(state.page);
}

/** Goes to a view: a new entry of the browser's history, shown by route(). */
function go(params) {
  const hash = '#' + params.toString();
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function documents() {
  if (!state.docs) state.docs = await getJson('/api/documents');
  return state.docs;
}

async function loadNewspapers() {
  try {
    const docs = await documents();
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

function link(text, params) {
  const a = el('a', null, text);
  a.href = '#' + new URLSearchParams(params).toString();
  return a;
}

function crumbs(doc) {
  const nav = $('crumbs');
  nav.replaceChildren(link('所有报纸 all newspapers', {}));
  if (doc) nav.append(' › ', link([doc.newspaper || doc.name, doc.date].filter(Boolean).join(' '), { doc: doc.name }));
}

/** The front page: every newspaper with its issues by date, newest first. */
async function showBrowse() {
  crumbs(null);
  $('issue').hidden = true;
  $('hits').replaceChildren();
  $('pager').hidden = true;
  const box = $('browse');
  box.hidden = false;
  let docs;
  try {
    docs = await documents();
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  setStatus(docs.length ? `${docs.length} ${docs.length === 1 ? 'issue' : 'issues'} digitized. Browse them or search above.`
    : 'Nothing is digitized yet: run ./inkstone run first.');
  const byPaper = new Map();
  for (const d of docs) {
    const key = d.newspaper || '(newspaper not known)';
    if (!byPaper.has(key)) byPaper.set(key, []);
    byPaper.get(key).push(d);
  }
  box.replaceChildren();
  for (const [name, issues] of [...byPaper.entries()].sort((x, y) => x[0].localeCompare(y[0]))) {
    const section = el('section', 'paper');
    section.append(el('h2', null, name));
    issues.sort((x, y) => (y.date || '').localeCompare(x.date || '') || x.name.localeCompare(y.name));
    let month = null;
    let list = null;
    for (const d of issues) {
      const m = d.date ? d.date.slice(0, 7) : '(date not known)';
      if (m !== month) {
        month = m;
        section.append(el('h3', null, m));
        list = el('ul', 'issues');
        section.append(list);
      }
      const li = el('li');
      li.append(link(d.date || d.name, { doc: d.name }),
        el('span', 'meta', ` · ${d.pages.length} 版 pages · ${d.articles} 篇 articles`));
      list.append(li);
    }
    box.append(section);
  }
}

/** An issue: its pages as thumbnails, its articles, its downloads. */
async function showIssue(name) {
  $('browse').hidden = true;
  $('hits').replaceChildren();
  $('pager').hidden = true;
  let doc;
  let articles;
  try {
    [doc, articles] = await Promise.all([getJson(`/api/documents/${encodeURIComponent(name)}`),
      getJson(`/api/documents/${encodeURIComponent(name)}/articles`)]);
  } catch (e) {
    setStatus(e.message, true);
    return null;
  }
  state.issue = { doc, articles };
  crumbs(doc);
  setStatus('');
  $('issue').hidden = false;
  $('issue-title').textContent = [doc.newspaper, doc.date].filter(Boolean).join(' ') || doc.name;
  const base = exportsOf(doc.name);
  downloads($('issue-downloads'), [[`${base}/${encodeURIComponent(doc.name)}.pdf`, 'PDF'], [`${base}/mets.xml`, 'METS'],
    [`/iiif/${encodeURIComponent(doc.name)}/manifest`, 'IIIF manifest'], [`${base}/articles.json`, 'JSON'],
    [`/viewer/?manifest=${encodeURIComponent(`/iiif/${encodeURIComponent(doc.name)}/manifest`)}`, 'Mirador', true]]);
  const thumbs = $('thumbs');
  thumbs.replaceChildren();
  for (const p of doc.pages) {
    const li = el('li', 'thumb');
    const label = `第${p.label || p.page}版`;
    if (p.status === 'done' && p.width > 0) {
      const a = link('', { doc: doc.name, p: p.page });
      const img = el('img');
      img.alt = label;
      img.loading = 'lazy';
      img.src = `${p.image}/full/${Math.min(200, p.width)},/0/default.jpg`;
      a.append(img, el('span', null, label));
      li.append(a);
    } else {
      li.append(el('span', 'failed', `${label} (not read)`));
    }
    thumbs.append(li);
  }
  const list = $('issue-articles');
  list.replaceChildren();
  for (const a of articles) {
    const li = el('li');
    li.append(link(entryName(a), { doc: doc.name, a: a.id }),
      el('span', 'meta', ' · ' + a.pages.map((n) => `第${n}版`).join('、')));
    list.append(li);
  }
  return state.issue;
}

/** A page of an issue at a readable size, with the articles it holds. */
function showIssuePage(pageNo) {
  const { doc, articles } = state.issue;
  const info = doc.pages.find((p) => p.page === pageNo && p.status === 'done');
  if (!info) return;
  state.article = null;
  state.pageView = doc;
  state.selected = -1;
  showArticlePane(true);
  $('article-title').textContent = `${[doc.newspaper, doc.date].filter(Boolean).join(' ') || doc.name} 第${info.label || pageNo}版`;
  $('article-meta').textContent = doc.name;
  $('citation').replaceChildren();
  downloads($('article-downloads'), [[altoOf(doc.name, pageNo), 'ALTO'],
    [`${exportsOf(doc.name)}/${encodeURIComponent(doc.name)}.pdf`, 'PDF']]);
  $('article-text').hidden = true;
  const list = $('page-articles');
  list.hidden = false;
  list.replaceChildren();
  for (const a of articles.filter((x) => x.pages.includes(pageNo))) {
    const li = el('li');
    li.append(link(entryName(a), { doc: doc.name, a: a.id, p: pageNo }));
    list.append(li);
  }
  $('page-tabs').replaceChildren();
  readableZoom(info, []);
  showPage(pageNo);
}

/** Shows the view the address names. */
async function route() {
  const h = new URLSearchParams(location.hash.slice(1));
  for (const name of ['q', 'from', 'to', 'newspaper', 'page']) {
    $(name).value = h.get(name) || '';
  }
  if (h.get('q')) {
    $('browse').hidden = true;
    $('issue').hidden = true;
    crumbs(null);
    await search(Number(h.get('offset') || 0));
  } else {
    state.q = null;
    state.searched = null;
    if (h.get('doc')) {
      if (!state.issue || state.issue.doc.name !== h.get('doc')) await showIssue(h.get('doc'));
      else $('issue').hidden = false;
    } else {
      state.issue = null;
      await showBrowse();
    }
  }
  if (h.get('a')) {
    state.pageView = null;
    if (!state.article || state.article.id !== h.get('a') || (state.article.marksFor || null) !== state.q) {
      await openArticle(h.get('a'), h.get('p'));
      if (state.article) state.article.marksFor = state.q;
    } else if (h.get('p')) {
      showPage(Number(h.get('p')));
    }
  } else if (h.get('doc') && h.get('p') && state.issue) {
    showIssuePage(Number(h.get('p')));
  } else {
    state.article = null;
    state.pageView = null;
    showArticlePane(false);
  }
}

async function start() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    submitSearch(0);
  });
  $('prev').addEventListener('click', () => submitSearch(Math.max(0, state.offset - state.limit)));
  $('next').addEventListener('click', () => submitSearch(state.offset + state.limit));
  $('zoom-in').addEventListener('click', () => zoom(1));
  $('zoom-out').addEventListener('click', () => zoom(-1));
  window.addEventListener('hashchange', route);
  await loadNewspapers();
  await route();
}

start();
