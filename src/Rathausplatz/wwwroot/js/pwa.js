// Registers the service worker (wwwroot/sw.js) that keeps the latest news and alerts readable offline.
// Without script, or in a browser without service workers, the site works as before, only not offline.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(() => {
    if (location.pathname === '/') {
      navigator.serviceWorker.ready.then(registration => registration.active && registration.active.postMessage('refresh'));
    }
  }).catch(() => undefined);
}
