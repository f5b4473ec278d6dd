/**
 * The pages' only style and script, inline: a customer on a weak signal from a WhatsApp link gets the
 * whole page in one response, with no further request before it works. Both are fixed text, allowed
 * by their hashes in the Content-Security-Policy; nothing from users is ever written into them.
 */
export const PAGE_STYLE = `
:root{color-scheme:light;--ink:#1d1b16;--muted:#5f5a4f;--line:#e4dfd3;--brand:#b4420e;--soft:#fbf6ec}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}
header{padding-top:.75rem;color:var(--muted);font-size:.9rem}
header a{color:var(--brand);font-weight:700;text-decoration:none}
h1{font-size:1.4rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--brand)}
.meta,.muted{color:var(--muted);font-size:.9rem}
.badge{display:inline-block;padding:0 .5rem;border-radius:1rem;background:var(--soft);border:1px solid var(--line);font-size:.8rem}
.problem,.description{white-space:pre-wrap;overflow-wrap:anywhere}
ol.ideas,ul.campaigns{list-style:none;padding:0;margin:0}
ol.ideas li,ul.campaigns li{border-top:1px solid var(--line);padding:.75rem 0}
.rank{font-weight:700;color:var(--brand);margin-right:.25rem}
.votes{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}
button{font:inherit;min-height:2.5rem;padding:.25rem .9rem;border:1px solid var(--brand);border-radius:.5rem;background:#fff;color:var(--brand)}
button[aria-pressed=true],button.primary{background:var(--brand);color:#fff}
button:disabled{opacity:.6}
form{display:grid;gap:.5rem;margin:.5rem 0}
input,textarea{font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:.5rem;width:100%}
textarea{min-height:7rem}
details{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;background:var(--soft)}
summary{cursor:pointer;font-weight:600}
.share{display:inline-block;margin:.75rem 0;padding:.5rem .9rem;border-radius:.5rem;background:#1f7a3f;color:#fff;text-decoration:none}
#message{min-height:1.5rem;font-weight:600}
#message.error{color:#a4161a}
#message.ok{color:#1f7a3f}
footer{margin-top:2rem;padding-bottom:2rem}
[hidden]{display:none!important}
`;

export const PAGE_SCRIPT = `
(function () {
  'use strict';
  var dataNode = document.getElementById('page-data');
  if (!dataNode || !window.fetch || !window.localStorage) return;
  var page = JSON.parse(dataNode.textContent);
  var t = page.texts;
  var KEY = 'sayembara.session';
  var message = document.getElementById('message');
  var refreshing = null;

  function say(text, isError, link) {
    message.textContent = text;
    message.className = isError ? 'error' : 'ok';
    if (link) {
      var anchor = document.createElement('a');
      anchor.href = link;
      anchor.textContent = ' ' + t.open;
      message.appendChild(anchor);
    }
  }
  function readSession() {
    try { return JSON.parse(localStorage.getItem(KEY) || 'null'); } catch (e) { return null; }
  }
  function keep(tokens, name) {
    localStorage.setItem(KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, name: name }));
  }
  function forget() { localStorage.removeItem(KEY); }
  function field(form, name) { return form.elements.namedItem(name).value.trim(); }

  async function send(method, path, body, session) {
    var headers = { 'content-type': 'application/json' };
    if (session) headers.authorization = 'Bearer ' + session.accessToken;
    try {
      return await fetch(path, { method: method, headers: headers, body: JSON.stringify(body) });
    } catch (e) {
      throw new Error(t.offline);
    }
  }
  // One refresh at a time: a rotated refresh token used twice revokes the whole session.
  function refreshOnce(session) {
    if (!refreshing) {
      refreshing = send('POST', '/api/auth/refresh', { refreshToken: session.refreshToken })
        .then(function (response) {
          if (!response.ok) { forget(); return false; }
          return response.json().then(function (tokens) { keep(tokens, session.name); return true; });
        })
        .catch(function () { return false; })
        .then(function (ok) { refreshing = null; return ok; });
    }
    return refreshing;
  }
  async function call(method, path, body, retried) {
    var session = readSession();
    var response = await send(method, path, body, session);
    if (response.status === 401 && session && !retried && (await refreshOnce(session))) return call(method, path, body, true);
    var data = await response.json().catch(function () { return null; });
    if (!response.ok) {
      if (response.status === 401 && session) { forget(); showAccount(); }
      throw new Error((data && data.message) || String(response.status));
    }
    return data;
  }

  function showAccount() {
    var session = readSession();
    document.querySelectorAll('[data-signed-in]').forEach(function (node) { node.hidden = !session; });
    document.querySelectorAll('[data-signed-out]').forEach(function (node) { node.hidden = !!session; });
    var name = document.getElementById('account-name');
    if (name) name.textContent = session ? session.name : '';
  }
  function needAccount() {
    var details = document.querySelector('details[data-signed-out]');
    if (details) { details.open = true; details.scrollIntoView(); }
    say(t.signInFirst, true);
  }
  // The server's template for the campaign's vote mode, so a tally reads the same before and after a vote.
  function describe(tally) {
    var mean = tally.mean === null ? '\\u2013' : new Intl.NumberFormat(page.languageTag, { maximumFractionDigits: 1 }).format(tally.mean);
    return page.tallyTemplate.replace(/\\{(\\w+)\\}/g, function (whole, key) { return key === 'mean' ? mean : String(tally[key]); });
  }
  function on(id, handler) {
    var form = document.getElementById(id);
    if (!form) return;
    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      var button = form.querySelector('button');
      button.disabled = true;
      try { await handler(form); } catch (e) { say(e.message, true); } finally { button.disabled = false; }
    });
  }

  on('sign-in', async function (form) {
    var tokens = await call('POST', '/api/auth/login', { login: field(form, 'login'), password: form.elements.namedItem('password').value });
    keep(tokens, tokens.user ? tokens.user.displayName : field(form, 'login'));
    form.reset();
    showAccount();
    say('');
  });
  on('sign-up', async function (form) {
    var contact = field(form, 'contact');
    var body = { displayName: field(form, 'displayName'), password: form.elements.namedItem('password').value };
    if (contact.indexOf('@') >= 0) body.email = contact; else body.phone = contact;
    var tokens = await call('POST', '/api/auth/register', body);
    keep(tokens, tokens.user.displayName);
    form.reset();
    showAccount();
    say('');
  });
  on('submit-idea', async function (form) {
    if (!readSession()) return needAccount();
    var idea = await call('POST', '/api/campaigns/' + page.campaignId + '/ideas', { title: field(form, 'title'), description: field(form, 'description') });
    form.reset();
    say(idea.status === 'published' ? t.sent : t.sentPending, false, '/i/' + idea.id);
  });
  var signOut = document.getElementById('sign-out');
  if (signOut) signOut.addEventListener('click', function () { forget(); showAccount(); say(''); });

  document.addEventListener('click', async function (event) {
    var button = event.target.closest && event.target.closest('button[data-vote]');
    if (!button) return;
    if (!readSession()) return needAccount();
    var item = button.closest('[data-idea]');
    button.disabled = true;
    try {
      var result = await call('PUT', '/api/ideas/' + item.getAttribute('data-idea') + '/vote', { value: Number(button.getAttribute('data-vote')) });
      item.querySelector('[data-tally]').textContent = describe(result.tally);
      item.querySelectorAll('button[data-vote]').forEach(function (other) {
        other.setAttribute('aria-pressed', String(Number(other.getAttribute('data-vote')) === result.value));
      });
      say(t.voted);
    } catch (e) {
      say(e.message, true);
    } finally {
      button.disabled = false;
    }
  });
  showAccount();
})();
`;
