// The review queue: pages and articles least sure first; a page's lines each with the crop of the
// scan it was read from beside its text, corrected in place. #page=ID opens a page.
'use strict';
const { call, el, say } = Staff;
let currentPage = null;

function fixed(x, n) { return x === null || x === undefined ? '' : x.toFixed(n); }

async function showQueue() {
  document.getElementById('page').hidden = true;
  document.getElementById('queue').hidden = false;
  const q = await call('GET', '/api/review/queue?done=' + document.getElementById('show-done').checked);
  document.querySelector('#pages tbody').replaceChildren(...q.pages.map(p => el('tr', {
      class: 'selectable', 'data-page': p.pageId, onclick: () => { location.hash = 'page=' + p.pageId; } },
    el('td', {}, p.document), el('td', { class: 'num' }, p.pageNo), el('td', { class: 'num' }, fixed(p.confidence, 2)),
    el('td', { class: 'num' }, fixed(p.skewDeg, 2)), el('td', { class: 'num' }, p.contrast ?? ''),
    el('td', { class: 'num' }, p.lines), el('td', {}, p.review || ''), el('td', {}, p.state.toLowerCase().replace('_', ' ')),
    el('td', { class: 'num' }, p.corrections))));
  document.querySelector('#articles tbody').replaceChildren(...q.articles.map(a => el('tr', {
      class: 'selectable', onclick: () => { location.hash = 'page=' + a.pageId; } },
    el('td', {}, a.articleId), el('td', {}, a.title), el('td', { class: 'num' }, a.pageNo),
    el('td', { class: 'num' }, fixed(a.confidence, 2)), el('td', { class: 'num' }, fixed(a.layoutConfidence, 2)))));
}

function lineRow(l) {
  const input = el('input', { type: 'text', value: l.text, lang: 'zh', 'aria-label': 'text of line ' + l.seq });
  const was = el('p', { class: 'muted was' }, l.version ? 'machine read: ' + l.machineText + ' · version ' + l.version : '');
  const row = el('div', { class: 'line', 'data-line': l.lineId },
    el('img', { src: l.image, alt: 'scan of line ' + l.seq, loading: 'lazy' }),
    el('form', { onsubmit: async ev => {
      ev.preventDefault();
      try {
        const r = await call('POST', '/api/review/lines/' + l.lineId, { text: input.value });
        if (r.changed) {
          row.classList.add('saved');
          was.textContent = 'machine read: ' + l.machineText + ' · version ' + r.version + ' · exports ' + r.exports;
          say('Line ' + l.seq + ' corrected: ' + r.previous + ' → ' + r.text);
        } else {
          say('Line ' + l.seq + ' unchanged.');
        }
      } catch (err) { say('The correction was not stored: ' + err.message, true); }
    } }, input, el('button', { type: 'submit' }, 'save'),
      el('button', { type: 'button', onclick: async () => {
        const v = await call('GET', '/api/review/lines/' + l.lineId + '/versions');
        was.textContent = v.map(x => x.version + ': ' + x.text + (x.author ? ' (' + x.author + ', ' + x.at + ')' : ' (machine)')).join(' · ');
      } }, 'history')),
    was);
  return row;
}

function fragmentLabel(a, f) {
  return a.id.split('/').pop() + ' · p' + f.page + ' · ' + (f.opening || '').slice(0, 16);
}

// the document's articles with a fragment on this page, each fragment with the structure edits
async function showArticles(page) {
  const doc = await call('GET', '/api/review/documents/' + page.documentId + '/articles');
  const all = doc.articles.flatMap(a => a.fragments.map(f => ({ a, f })));
  const here = doc.articles.filter(a => a.fragments.some(f => f.page === page.pageNo));
  document.getElementById('page-articles').replaceChildren(...here.map(a => el('div', { class: 'article', 'data-article': a.id },
    el('p', {}, el('strong', {}, a.id.split('/').pop() + ' ' + (a.title || '(no title)')), ' ',
      el('span', { class: 'muted' }, a.kind + ', ' + a.fragments.length + ' fragment' + (a.fragments.length > 1 ? 's' : ''))),
    ...a.fragments.map((f, i) => {
      const op = el('select', { 'aria-label': 'edit' },
        el('option', { value: 'UNLINK' }, 'split the article here'),
        el('option', { value: 'LINK' }, 'continue after'),
        el('option', { value: 'MOVE' }, 'move after'));
      const target = el('select', { 'aria-label': 'target fragment' },
        ...all.filter(x => x.f.key !== f.key).map(x => el('option', { value: x.f.key }, fragmentLabel(x.a, x.f))));
      return el('form', { class: 'inline fragment', 'data-fragment': f.key, onsubmit: async ev => {
        ev.preventDefault();
        try {
          const r = await call('POST', '/api/review/documents/' + page.documentId + '/structure',
            { op: op.value, fragment: f.key, target: op.value === 'UNLINK' ? null : target.value });
          say('Articles of ' + page.document + ' now ' + r.articles.length + '; exports ' + r.exports + '.');
          showArticles(page);
        } catch (err) { say('The edit was not made: ' + err.message, true); }
      } }, el('span', {}, (i + 1) + '. p' + f.page + ' ' + (f.opening || '').slice(0, 24)), op, target,
        el('button', { type: 'submit' }, 'apply'));
    }))));
}

async function showPage(id) {
  const p = await call('GET', '/api/review/pages/' + id);
  currentPage = p.page;
  document.getElementById('queue').hidden = true;
  document.getElementById('page').hidden = false;
  document.getElementById('page-title').textContent = p.page.document + ' · page ' + p.page.pageNo;
  document.getElementById('page-meta').textContent = 'state ' + p.page.state.toLowerCase().replace('_', ' ')
    + ' · confidence ' + fixed(p.page.confidence, 2) + (p.page.review ? ' · flagged: ' + p.page.review : '');
  document.getElementById('lines').replaceChildren(...p.lines.map(lineRow));
  await showArticles(p.page);
}

document.querySelectorAll('[data-state]').forEach(b => b.addEventListener('click', async () => {
  try {
    const q = await call('POST', '/api/review/pages/' + currentPage.pageId + '/state', { state: b.dataset.state });
    currentPage = q;
    document.getElementById('page-meta').textContent = 'state ' + q.state.toLowerCase().replace('_', ' ');
    say('Page ' + q.pageNo + ' of ' + q.document + ' is now ' + q.state.toLowerCase().replace('_', ' ') + '.');
  } catch (err) { say(err.message, true); }
}));
document.getElementById('show-done').addEventListener('change', showQueue);

function route() {
  const m = /^#page=(\d+)$/.exec(location.hash);
  (m ? showPage(m[1]) : showQueue()).catch(err => say(err.message, true));
}
window.addEventListener('hashchange', route);
Staff.load().then(route);
