// Shared by the operator's dashboard and the review queue: the session (user, roles, CSRF token),
// JSON requests that carry the token, and small DOM helpers.
'use strict';
const Staff = (() => {
  let session = null;
  async function load() {
    const r = await fetch('/api/session', { credentials: 'same-origin' });
    session = await r.json();
    const who = document.getElementById('user');
    if (who) who.textContent = session.user ? session.user + ' (' + session.roles.join(', ').toLowerCase() + ')' : '';
    const out = document.getElementById('logout');
    if (out) out.addEventListener('click', async () => {
      await fetch('/logout', { method: 'POST', headers: { [session.header]: token() }, credentials: 'same-origin' });
      location.href = '/';
    });
    return session;
  }
  // the CSRF token: the value of the cookie /api/session set
  function token() {
    const c = document.cookie.split('; ').find(x => x.startsWith(session.cookie + '='));
    return c ? decodeURIComponent(c.slice(session.cookie.length + 1)) : '';
  }
  async function call(method, url, body) {
    if (!session) await load();
    const headers = { Accept: 'application/json' };
    if (method !== 'GET') headers[session.header] = token();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(url, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 401) { location.href = '/login'; throw new Error('not logged in'); }
    const data = r.headers.get('Content-Type')?.includes('json') ? await r.json() : null;
    if (!r.ok) throw new Error((data && data.error) || r.status + ' ' + r.statusText);
    return data;
  }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }
  function say(text, error) {
    const m = document.getElementById('message');
    m.textContent = text; m.hidden = !text; m.classList.toggle('error', !!error);
  }
  function duration(s) {
    if (s === null || s === undefined) return '';
    const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), sec = s % 60;
    return (h ? h + ' h ' : '') + (h || m ? m + ' min ' : '') + sec + ' s';
  }
  return { load, call, el, say, duration };
})();
