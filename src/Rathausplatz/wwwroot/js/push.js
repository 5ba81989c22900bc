// Web push on /abonnieren (progressive enhancement): the section is hidden in the markup and shown only
// where the browser can do push. The button asks for permission, subscribes through the service worker
// with the installation's VAPID key and posts the subscription with the form's choice and antiforgery token.
const section = document.querySelector("[data-push]");
const supported = section && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

function keyBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (base64url.length % 4)) % 4);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

async function registration() {
  await navigator.serviceWorker.register(section.dataset.worker);
  return navigator.serviceWorker.ready;
}

async function post(url, fields) {
  const form = document.querySelector(section.dataset.form);
  const data = new FormData(form);
  data.delete("Email"); // push needs no address
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  const response = await fetch(url, { method: "POST", body: data, credentials: "same-origin" });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.detail || section.dataset.failed);
  return answer.message;
}

async function subscribe() {
  if ((await Notification.requestPermission()) !== "granted") return section.dataset.denied;
  const worker = await registration();
  const key = keyBytes(section.dataset.vapidKey);
  let subscription = await worker.pushManager.getSubscription();
  // A subscription made with another server key cannot be used: make a new one.
  if (subscription && subscription.options.applicationServerKey
      && !new Uint8Array(subscription.options.applicationServerKey).every((b, i) => b === key[i])) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await worker.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  const json = subscription.toJSON();
  const message = await post(section.dataset.subscribeUrl, { Endpoint: json.endpoint, P256dh: json.keys.p256dh, Auth: json.keys.auth });
  section.querySelector("[data-push-unsubscribe]").hidden = false;
  return message;
}

async function unsubscribe() {
  const worker = await registration();
  const subscription = await worker.pushManager.getSubscription();
  if (!subscription) return section.dataset.failed;
  const message = await post(section.dataset.unsubscribeUrl, { Endpoint: subscription.endpoint });
  await subscription.unsubscribe();
  section.querySelector("[data-push-unsubscribe]").hidden = true;
  return message;
}

if (supported) {
  section.hidden = false;
  const status = section.querySelector("[data-push-status]");
  const run = (action) => action().then((m) => { status.textContent = m; }, (e) => { status.textContent = e.message || section.dataset.failed; });
  section.querySelector("[data-push-subscribe]").addEventListener("click", () => run(subscribe));
  section.querySelector("[data-push-unsubscribe]").addEventListener("click", () => run(unsubscribe));
  navigator.serviceWorker.getRegistration(section.dataset.worker)
    .then((r) => r?.pushManager.getSubscription())
    .then((s) => { if (s) section.querySelector("[data-push-unsubscribe]").hidden = false; })
    .catch(() => {});
}
