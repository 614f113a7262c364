// citesum spot-check page. Served as is (no build step) at /assets/app.js.
// Opens a citation's source file beside the summary with the exact cited span highlighted,
// verifies every citation of the summary in one call, and keeps `?cite=S.C` in the URL so a
// link reopens the same citation (S and C numbered from 1, as the page numbers sentences).

const dataEl = document.getElementById('citesum-data');
/** @type {{citations: Array<Array<{file: string, sha256: string, lines: {start: number, end: number}, offsets: {start: number, end: number}, quote: string, href: string}>>, linesPage?: number}} */
const data = dataEl ? JSON.parse(dataEl.textContent || '{}') : { citations: [] };
const citations = data.citations || [];
/** Lines per page of `GET …/lines` (the server's default page); pages are cut at multiples of it. */
const PAGE = data.linesPage || 1000;
/** Lines of context wanted before and after a citation: near a page edge, the next page is loaded too. */
const CONTEXT = 20;

const layout = document.getElementById('layout');
const pane = document.getElementById('source');
const paneTitle = document.getElementById('source-title');
const paneSub = document.getElementById('source-sub');
const paneNotes = document.getElementById('source-notes');
const paneLines = document.getElementById('source-lines');
const closeBtn = document.getElementById('source-close');
const verifyBtn = document.getElementById('verify');
const verifyResult = document.getElementById('verify-result');

/** `file id NUL page index` → Promise of that page of lines: each page is fetched once. */
const pages = new Map();
let openKey = null;
let openSeq = 0;

const STATUS_TEXT = {
  verified: 'verified',
  stale: 'stale',
  mismatch: 'mismatch',
  not_found: 'not found',
};

/** The citation of a `S.C` key (both from 1), or undefined. */
function citationAt(key) {
  const m = /^([1-9]\d*)\.([1-9]\d*)$/.exec(key || '');
  return m ? citations[Number(m[1]) - 1]?.[Number(m[2]) - 1] : undefined;
}

function markerFor(key) {
  return document.querySelector(`a.cite[data-cite="${key}"]`);
}

async function getJson(url, init = {}) {
  const res = await fetch(url, {
    ...init,
    headers: { Accept: 'application/json', ...(init.headers || {}) },
  });
  // The session of a service run with an API key ended (a week passed, or the key changed):
  // sign in again, then come back here.
  if (res.status === 401) {
    const here = window.location.pathname + window.location.search;
    window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body && body.detail) || `${res.status} ${res.statusText}`);
  return body;
}

/**
 * Page `k` of a file's classified lines (lines `k·PAGE + 1` … `(k + 1)·PAGE`), each with its
 * `start`/`end` offsets: one request, made once. The URL is the citation's own `href` (built by
 * the server) with the page's range.
 */
function loadPage(c, k) {
  const key = `${c.file}\u0000${k}`;
  let p = pages.get(key);
  if (!p) {
    const url = new URL(c.href, window.location.origin);
    url.search = `?start=${k * PAGE + 1}&end=${(k + 1) * PAGE}`;
    p = getJson(url.pathname + url.search);
    p.catch(() => pages.delete(key));
    pages.set(key, p);
  }
  return p;
}

/**
 * The lines around a citation, as one answer: the pages holding its lines, plus the page before
 * or after when the citation sits within CONTEXT lines of a page edge (and the file goes on).
 */
async function loadLines(c) {
  const first = Math.floor((c.lines.start - 1) / PAGE);
  const last = Math.floor((c.lines.end - 1) / PAGE);
  const wanted = [];
  for (let k = first; k <= last; k++) wanted.push(k);
  const own = await Promise.all(wanted.map((k) => loadPage(c, k)));
  const lineCount = own[0].lineCount;
  const before = first > 0 && c.lines.start - CONTEXT <= first * PAGE ? [first - 1] : [];
  const after =
    c.lines.end + CONTEXT > (last + 1) * PAGE && (last + 1) * PAGE < lineCount ? [last + 1] : [];
  const extra = await Promise.all([...before, ...after].map((k) => loadPage(c, k)));
  const all = [...own, ...extra].sort(
    (a, b) => (a.lines[0]?.number ?? 0) - (b.lines[0]?.number ?? 0),
  );
  return { ...own[0], lines: all.flatMap((p) => p.lines) };
}

/**
 * The text of consecutive lines rebuilt at their offsets, from the first line's `start` (`base`):
 * the gap between one line's `end` and the next line's `start` is its line break (`\r\n` when two
 * characters wide, else `\n`), so `text[i]` is the file's character at offset `base + i`. A lone
 * `\r` comes back as `\n`, so quotes are compared with their breaks normalized the same way (see
 * `sameBreaks`).
 */
function textOf(lines) {
  const base = lines.length > 0 ? lines[0].start : 0;
  let text = '';
  for (const line of lines) {
    const gap = line.start - base - text.length;
    if (gap > 0) text += gap === 2 ? '\r\n' : '\n'.repeat(gap);
    text += line.text;
  }
  return { text, base };
}

/** A quote with its lone `\r` breaks written as `\n`, as `textOf` writes them. */
function sameBreaks(quote) {
  return quote.replace(/\r(?!\n)/g, '\n');
}

/**
 * Where to highlight, in file offsets: the cited offsets when the quote is there, else where the
 * quote is now within the loaded lines.
 */
function locate({ text, base }, c) {
  const { start, end } = c.offsets;
  const quote = sameBreaks(c.quote);
  if (start >= base && text.slice(start - base, end - base) === quote)
    return { start, end, note: null };
  const at = quote ? text.indexOf(quote) : -1;
  if (at >= 0) {
    return {
      start: base + at,
      end: base + at + quote.length,
      note: 'The quote is no longer at the cited offsets; it is highlighted where it is now.',
    };
  }
  return {
    start,
    end,
    note: 'The text at the cited offsets differs from the quote; the highlight shows what is there now.',
  };
}

/** Index of the line an offset falls on (a line break belongs to the line before it). */
function lineOf(lines, offset) {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function note(text, kind = 'warn') {
  paneNotes.append(el('p', `note note-${kind}`, text));
}

function renderLines(c, lines) {
  const text = textOf(lines.lines);
  if (lines.sha256 !== c.sha256)
    note('This file changed since the summary was made (sha256 differs): the citation is stale.');
  const hit = locate(text, c);
  if (hit.note) note(hit.note);
  const first = lineOf(lines.lines, hit.start);
  const last = lineOf(lines.lines, Math.max(hit.start, hit.end - 1));
  const firstNumber = lines.lines[first]?.number;
  const lastNumber = lines.lines[last]?.number;
  if (!hit.note && (firstNumber !== c.lines.start || lastNumber !== c.lines.end)) {
    note(
      `The offsets fall on lines ${firstNumber}–${lastNumber}, not on the cited lines ${c.lines.start}–${c.lines.end}.`,
    );
  }

  const frag = document.createDocumentFragment();
  let firstRow = null;
  lines.lines.forEach((line, i) => {
    const row = el('div', `line kind-${line.kind}`);
    row.id = `L${line.number}`;
    row.dataset.line = String(line.number);
    row.append(el('span', 'ln', String(line.number)));
    const txt = el('span', 'txt');
    const ls = line.start;
    const le = line.end;
    if (i >= first && i <= last) {
      row.classList.add('cited');
      firstRow ??= row;
      const a = Math.max(hit.start, ls);
      const b = Math.min(hit.end, le);
      if (a < b) {
        txt.append(
          line.text.slice(0, a - ls),
          el('mark', 'hl', line.text.slice(a - ls, b - ls)),
          line.text.slice(b - ls),
        );
      } else {
        txt.textContent = line.text;
      }
    } else {
      txt.textContent = line.text;
    }
    row.append(txt);
    if (line.kind === 'duplicate' && line.original) {
      // A copy of content elsewhere: summarized (and cited first) where it is original.
      row.classList.add('dim');
      const where = `${line.original.file}, line ${line.original.line}`;
      row.title = `Copy of ${where}: summarized there, cited here as a further source`;
      row.append(el('span', 'why', `copy of ${where}`));
    } else if (line.kind !== 'content') {
      row.classList.add('dim');
      const why = line.reason || line.kind;
      row.title = `Not summarized: ${line.kind}${line.reason && line.reason !== line.kind ? ` (${line.reason})` : ''}`;
      if (line.kind !== 'blank') row.append(el('span', 'why', why.replace(/-/g, ' ')));
    }
    frag.append(row);
  });
  paneLines.replaceChildren(frag);
  return firstRow;
}

function setActiveMarker(key) {
  for (const m of document.querySelectorAll('a.cite[aria-current]'))
    m.removeAttribute('aria-current');
  const marker = key ? markerFor(key) : null;
  if (marker) marker.setAttribute('aria-current', 'true');
}

async function openCitation(key, { focus = false } = {}) {
  const c = citationAt(key);
  if (!c) return closeSource({ updateUrl: false });
  const seq = ++openSeq;
  openKey = key;
  setActiveMarker(key);
  pane.hidden = false;
  layout.classList.add('has-source');
  paneTitle.textContent = c.file;
  paneSub.replaceChildren(
    `Line${c.lines.start === c.lines.end ? ` ${c.lines.start}` : `s ${c.lines.start}–${c.lines.end}`} · offsets ${c.offsets.start}–${c.offsets.end} · `,
    Object.assign(el('a', '', 'lines as JSON'), { href: c.href }),
  );
  paneNotes.replaceChildren();
  paneLines.setAttribute('aria-busy', 'true');
  paneLines.replaceChildren(el('p', 'muted loading', 'Loading the file…'));
  if (focus) paneTitle.focus({ preventScroll: true });
  try {
    const lines = await loadLines(c);
    if (seq !== openSeq) return;
    const row = renderLines(c, lines);
    paneLines.removeAttribute('aria-busy');
    if (row) {
      paneLines.scrollTop = Math.max(0, row.offsetTop - paneLines.clientHeight / 3);
      // Bring the pane itself into view only when it is off screen (stacked layouts); beside the
      // summary it is sticky and already visible.
      const top = pane.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.6) pane.scrollIntoView({ block: 'start' });
    }
    pane.dataset.openCite = key;
  } catch (err) {
    if (seq !== openSeq) return;
    paneLines.removeAttribute('aria-busy');
    paneLines.replaceChildren();
    note(`Could not load ${c.file}: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}

function closeSource({ updateUrl = true } = {}) {
  const key = openKey;
  openKey = null;
  openSeq++;
  pane.hidden = true;
  delete pane.dataset.openCite;
  layout.classList.remove('has-source');
  setActiveMarker(null);
  if (updateUrl) setCiteInUrl(null, true);
  return key;
}

function setCiteInUrl(key, push) {
  const url = new URL(window.location.href);
  if (key) url.searchParams.set('cite', key);
  else url.searchParams.delete('cite');
  if (url.href !== window.location.href)
    history[push ? 'pushState' : 'replaceState'](null, '', url);
}

document.addEventListener('click', (event) => {
  const marker = event.target instanceof Element ? event.target.closest('a.cite') : null;
  if (
    !marker ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  event.preventDefault();
  const key = marker.dataset.cite;
  setCiteInUrl(key, true);
  openCitation(key, { focus: true });
});

closeBtn?.addEventListener('click', () => {
  const key = closeSource();
  markerFor(key)?.focus();
});

pane?.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    const key = closeSource();
    markerFor(key)?.focus();
  }
});

window.addEventListener('popstate', () => {
  const key = new URL(window.location.href).searchParams.get('cite');
  if (key && citationAt(key)) openCitation(key);
  else closeSource({ updateUrl: false });
});

verifyBtn?.addEventListener('click', async () => {
  const flat = citations.flat();
  verifyBtn.disabled = true;
  verifyBtn.setAttribute('aria-busy', 'true');
  verifyResult.textContent = `Checking ${flat.length} citations…`;
  try {
    const body = await getJson('/v1/citations/verify', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ citations: flat }),
    });
    const counts = {};
    let k = 0;
    citations.forEach((cs, i) =>
      cs.forEach((_, j) => {
        const r = body.results[k++];
        const status = r ? r.status : 'not_found';
        counts[status] = (counts[status] || 0) + 1;
        const marker = markerFor(`${i + 1}.${j + 1}`);
        const badge = marker?.nextElementSibling;
        if (!marker || !badge) return;
        marker.dataset.status = status;
        badge.dataset.status = status;
        badge.textContent = STATUS_TEXT[status] || status;
        const detail = [
          r?.reason,
          r?.actual !== undefined && status !== 'verified'
            ? `Now at those offsets: “${r.actual}”`
            : null,
        ]
          .filter(Boolean)
          .join('\n');
        if (detail) badge.title = detail;
        else badge.removeAttribute('title');
      }),
    );
    const total = flat.length;
    verifyResult.dataset.state = counts.verified === total ? 'ok' : 'bad';
    verifyResult.textContent =
      counts.verified === total
        ? `All ${total} citations verified against the served files.`
        : Object.keys(STATUS_TEXT)
            .filter((s) => counts[s])
            .map((s) => `${counts[s]} ${STATUS_TEXT[s]}`)
            .join(', ') + ` (of ${total}).`;
  } catch (err) {
    verifyResult.dataset.state = 'bad';
    verifyResult.textContent = `Verify failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    verifyBtn.disabled = false;
    verifyBtn.removeAttribute('aria-busy');
  }
});

// A deep link (`?cite=S.C`) opens its citation at load.
const initial = new URL(window.location.href).searchParams.get('cite');
if (initial && citationAt(initial)) openCitation(initial);
