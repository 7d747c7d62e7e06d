// The operator's dashboard: runs from Spring Batch's job repository, polled every two seconds;
// start, stop, restart and retry go through /api/operator/.
'use strict';
const { call, el, say, duration } = Staff;
let shownScans = null;

function actions(e, latest) {
  const cell = el('td');
  const act = (label, path, confirmText) => el('button', { type: 'button', 'data-action': label, onclick: async () => {
    if (confirmText && !confirm(confirmText)) return;
    try {
      const r = await call('POST', '/api/operator/executions/' + e.id + '/' + path);
      say(r.pid ? label + ': run started (pid ' + r.pid + ', log ' + r.log + ')' : label + ': run ' + e.id + ' ' + r.status);
      refresh();
    } catch (err) { say(label + ' failed: ' + err.message, true); }
  } }, label);
  const running = ['STARTING', 'STARTED'].includes(e.status);
  if (running) cell.append(act('stop', 'stop', 'Stop run ' + e.run + '? It stops after the pages being read, and a restart goes on from there.'));
  // a run restarted already is restarted through its newest execution
  if (latest && ['FAILED', 'STOPPED', 'UNKNOWN'].includes(e.status)) cell.append(act('restart', 'restart'));
  if (latest && !running && e.status !== 'STOPPING' && e.pages.failed > 0) cell.append(act('retry failed pages', 'retry-failed'));
  cell.append(el('button', { type: 'button', onclick: () => { shownScans = e.scans; refresh(); } }, 'documents'));
  return cell;
}

function row(e, latest) {
  const p = e.pages;
  const pages = el('td', { class: 'num' }, el('progress', { max: Math.max(1, p.total), value: p.done + p.failed }), ' ',
    p.done + ' / ' + p.total + (p.failed ? ' (' + p.failed + ' failed)' : ''));
  return el('tr', { 'data-execution': e.id },
    el('td', { class: 'num' }, e.run === null ? e.id : e.run),
    el('td', {}, e.collection || ''),
    el('td', { class: 'status-' + e.status, title: e.exitMessage || '' }, e.status),
    el('td', {}, e.start ? e.start.replace('T', ' ').slice(0, 19) : ''),
    el('td', { class: 'num' }, duration(e.seconds)),
    pages,
    el('td', { class: 'num' }, e.pagesPerMinute ?? ''),
    el('td', { class: 'num' }, e.etaSeconds === null ? '' : duration(e.etaSeconds)),
    el('td', { class: 'muted' }, e.steps.map(s => s.name + ' ' + s.status.toLowerCase() + (s.write ? ' ' + s.write : '')).join(' · ')),
    actions(e, latest));
}

async function documents() {
  const section = document.getElementById('documents-section');
  if (!shownScans) { section.hidden = true; return; }
  const docs = await call('GET', '/api/operator/documents?scans=' + encodeURIComponent(shownScans));
  document.getElementById('documents-scans').textContent = shownScans;
  const body = document.querySelector('#documents tbody');
  body.replaceChildren();
  for (const d of docs) {
    const pages = d.pages.length ? d.pages : [null];
    pages.forEach((p, i) => body.append(el('tr', { class: p && p.status === 'FAILED' ? 'failed' : null },
      el('td', {}, i === 0 ? d.name : ''), el('td', { class: 'status-' + d.status }, i === 0 ? d.status + (d.error ? ': ' + d.error : '') : ''),
      el('td', { class: 'num' }, p ? p.pageNo : ''), el('td', { class: p ? 'status-' + p.status : '' }, p ? p.status : ''),
      el('td', {}, p && p.error ? p.error : ''), el('td', { class: 'num' }, p && p.confidence !== null ? p.confidence.toFixed(2) : ''),
      el('td', { class: 'num' }, p && p.skewDeg !== null ? p.skewDeg.toFixed(2) : ''), el('td', { class: 'num' }, p && p.contrast !== null ? p.contrast : ''),
      el('td', {}, p && p.review ? p.review : ''))));
  }
  section.hidden = false;
}

async function refresh() {
  try {
    const s = await call('GET', '/api/operator/status');
    const body = document.querySelector('#executions tbody');
    const seen = new Set();
    body.replaceChildren(...s.executions.map(e => {
      const key = e.scans + ' ' + e.run;
      const latest = !seen.has(key);
      seen.add(key);
      return row(e, latest);
    }));
    const select = document.getElementById('collection');
    if (!select.options.length) s.collections.forEach(c => select.append(el('option', { value: c.name }, c.name)));
    document.getElementById('review-counts').textContent =
      Object.entries(s.review).map(([k, v]) => v + ' ' + k.toLowerCase().replace('_', ' ')).join(', ');
    document.getElementById('updated').textContent = new Date().toLocaleTimeString();
    const scans = document.getElementById('scans');
    if (!scans.value && s.executions.length) scans.value = s.executions[0].scans;
    await documents();
  } catch (err) { say('The dashboard cannot be updated: ' + err.message, true); }
}

document.getElementById('start').addEventListener('submit', async ev => {
  ev.preventDefault();
  try {
    const r = await call('POST', '/api/operator/runs', { collection: document.getElementById('collection').value,
      scans: document.getElementById('scans').value });
    say('Run started (pid ' + r.pid + ', log ' + r.log + ')');
    refresh();
  } catch (err) { say('The run could not be started: ' + err.message, true); }
});

Staff.load().then(refresh);
setInterval(refresh, 2000);
