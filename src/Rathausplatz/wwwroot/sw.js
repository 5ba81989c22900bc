// Service worker of Rathausplatz: the latest news and the alerts valid when last online stay readable
// without a connection. Pages: network first, the stored copy when offline, else /offline. Files (CSS,
// fonts, scripts, icons): stored copy first. Only what anonymous visitors see is stored: the server marks
// everything personal "Cache-Control: no-store, private", and the back office is never touched.
const VERSION = 'v1';
const PAGES = `rathausplatz-pages-${VERSION}`;
const ASSETS = `rathausplatz-assets-${VERSION}`;
const MAX_PAGES = 60;
const NEVER = ['/newsroom', '/admin', '/accounts', '/platform', '/api', '/culture', '/health', '/metrics', '/feeds', '/sw.js'];
// Versioned or unchanging files; the coat of arms (/organization/logo) can change under the same address, so it goes network first.
const ASSET_PREFIXES = ['/lib/', '/css/', '/js/', '/icons/', '/favicon.svg'];

const startsWithSegment = (path, prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : prefix + '/');
const isNever = path => NEVER.some(prefix => startsWithSegment(path, prefix));
const isAsset = path => ASSET_PREFIXES.some(prefix => path.startsWith(prefix));
const storable = response =>
  response && response.ok && response.type === 'basic' && !/no-store|private/i.test(response.headers.get('Cache-Control') || '');

// Fetches the server's list (/offline.json) and stores what it names; one failure does not stop the rest.
async function storeLatest() {
  const response = await fetch('/offline.json', { cache: 'no-store' });
  if (!response.ok) return;
  const list = await response.json();
  const [pages, assets] = await Promise.all([caches.open(PAGES), caches.open(ASSETS)]);
  const store = async (cache, url) => {
    const answer = await fetch(url, { cache: 'no-cache' });
    if (storable(answer)) await cache.put(url, answer);
  };
  await Promise.allSettled([
    ...list.pages.map(url => store(pages, url)),
    ...list.assets.map(url => store(assets, url)),
  ]);
  await trim(pages, new Set(list.pages.map(url => new URL(url, self.location.origin).href)));
}

// Keeps the newest pages: those on the list, then the most recently stored others.
async function trim(cache, keep) {
  const keys = await cache.keys();
  const others = keys.filter(request => !keep.has(request.url));
  const excess = keys.length - MAX_PAGES;
  for (const request of others.slice(0, Math.max(0, excess))) await cache.delete(request);
}

self.addEventListener('install', event => {
  event.waitUntil(storeLatest().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith('rathausplatz-') && name !== PAGES && name !== ASSETS) await caches.delete(name);
    await self.clients.claim();
  })());
});

// The home page asks for a refresh on every visit, so the stored news stay the latest.
self.addEventListener('message', event => {
  if (event.data === 'refresh') event.waitUntil(storeLatest().catch(() => undefined));
});

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (storable(response)) {
      const copy = response.clone();
      caches.open(PAGES).then(cache => cache.put(request, copy));
    }
    return response;
  } catch (offline) {
    const stored = await caches.match(request, { ignoreVary: true });
    if (stored) return stored;
    return (request.mode === 'navigate' && (await caches.match('/offline', { ignoreVary: true }))) || Response.error();
  }
}

async function storedFirst(request) {
  const stored = await caches.match(request, { ignoreVary: true });
  if (stored) return stored;
  const response = await fetch(request);
  if (storable(response)) {
    const copy = response.clone();
    caches.open(ASSETS).then(cache => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isNever(url.pathname)) return;
  if (request.mode === 'navigate' || url.pathname === '/organization/logo') event.respondWith(networkFirst(request));
  else if (isAsset(url.pathname)) event.respondWith(storedFirst(request));
});

// Web push (Features/Delivery/Push): the payload is {title, body, url, severity, tag}. The tag is the
// post id, so a message sent twice (push is at-least-once) replaces its notification instead of adding one.
self.addEventListener('push', event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { title: event.data ? event.data.text() : '' };
  }
  event.waitUntil(self.registration.showNotification(message.title || self.location.host, {
    body: message.body || '',
    tag: message.tag,
    icon: '/favicon.svg',
    data: { url: message.url || '/' },
    requireInteraction: !!message.severity,
  }));
});

// A click opens the item: an open tab of this site showing it is focused, else a new one is opened.
self.addEventListener('notificationclick', event => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin);
  event.waitUntil((async () => {
    const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = tabs.find(tab => tab.url === url.href);
    if (open) return open.focus();
    return self.clients.openWindow(url.href);
  })());
});
