// Live delivery progress on the editor's post page: progressive enhancement. Without script the
// counts are those of the page load and the "refresh" link reloads it. With script the counts are
// fetched every few seconds while senders have work (the server says so: "running") and the
// refreshing stops when they are done. Screen readers hear a polite status line: at most every
// 15 seconds while numbers change, and once when the delivery is done. The delivery log below is
// taken from the page itself, fetched again at those moments, so it never contradicts the counts
// for long and its rows are rendered in one place only (the server).
(function () {
  "use strict";
  var box = document.querySelector("[data-delivery-progress]");
  if (!box || box.dataset.running !== "true" || !window.fetch) return;
  var status = box.querySelector("[data-delivery-status]");
  var every = 3000;
  var announceEvery = 15000;
  var lastAnnounced = 0;
  var failures = 0;

  function set(scope, counts) {
    ["queued", "sent", "failed", "skipped"].forEach(function (name) {
      var cell = scope && scope.querySelector("[data-count='" + name + "']");
      if (cell && cell.textContent !== String(counts[name])) cell.textContent = String(counts[name]);
    });
  }

  function refreshLog() {
    var log = document.querySelector("[data-delivery-log]");
    if (!log) return;
    fetch(window.location.pathname, { headers: { Accept: "text/html" }, credentials: "same-origin", redirect: "error" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-delivery-log]");
        if (fresh) log.replaceWith(document.importNode(fresh, true));
      })
      .catch(function () { /* the log stays as it was; the counts above are current */ });
  }

  function format(template, values) {
    return template.replace(/\{(\d)\}/g, function (_, i) { return String(values[+i]); });
  }

  function show(progress) {
    var before = box.querySelector("#delivery-progress").textContent;
    set(box.querySelector("#delivery-progress"), progress);
    progress.channels.forEach(function (channel) {
      set(box.querySelector("tr[data-channel='" + channel.channel + "']"), channel);
    });
    var changed = before !== box.querySelector("#delivery-progress").textContent;
    var now = Date.now();
    if (!progress.running) {
      status.textContent = format(box.dataset.done, [progress.sent, progress.failed]);
      refreshLog();
    } else if (changed && now - lastAnnounced >= announceEvery) {
      status.textContent = format(box.dataset.announce, [progress.queued, progress.sent, progress.failed]);
      lastAnnounced = now;
      refreshLog();
    }
  }

  function poll() {
    fetch(box.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin", redirect: "error" })
      .then(function (r) { if (!r.ok) throw new Error(String(r.status)); return r.json(); })
      .then(function (progress) {
        failures = 0;
        show(progress);
        if (progress.running) window.setTimeout(poll, every);
      })
      .catch(function () {
        // Signed out, the post gone, or the network away: try a few more times, then leave the page as it is (the link still works).
        if (++failures < 5) window.setTimeout(poll, every * failures);
      });
  }

  window.setTimeout(poll, every);
})();
