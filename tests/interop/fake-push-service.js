// A local web push service for the tests (RFC 8030 receiving side): it hands out subscriptions as a
// browser's push service would, accepts messages over https, checks the VAPID JWT (RFC 8292: ES256
// signature with the key in the header, aud, exp) and decrypts the payload (RFC 8291, aes128gcm) with
// http_ece (npm), the RFC 8188 reference code that web-push uses. Not our code reading our output.
//
//   node fake-push-service.js CERT.pem KEY.pem     prints "listening PORT" when ready
//   POST /subscriptions               -> { id, endpoint, keys: { p256dh, auth } }   (a browser's PushSubscription)
//   POST /subscriptions/{id}/answer   body { status }: answer the next pushes with that status (e.g. 410)
//   GET  /subscriptions/{id}/received -> [{ payload, ttl, urgency, topic, aud, sub }]
//   POST /push/{id}                   the endpoint the app sends to
const https = require("node:https");
const crypto = require("node:crypto");
const fs = require("node:fs");
const ece = require("http_ece");

const [cert, key] = process.argv.slice(2).map((f) => fs.readFileSync(f));
const subscriptions = new Map();
const b64u = (buffer) => Buffer.from(buffer).toString("base64url");

function body(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (c) => chunks.push(c));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function send(response, status, value) {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(value === undefined ? "" : JSON.stringify(value));
}

// RFC 8292: Authorization: vapid t=<JWT>, k=<uncompressed P-256 public key, base64url>.
function checkVapid(header, origin) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header || "");
  if (!match) throw new Error("no vapid authorization");
  const [, jwt, k] = match;
  const raw = Buffer.from(k, "base64url");
  if (raw.length !== 65 || raw[0] !== 4) throw new Error("bad vapid key");
  const publicKey = crypto.createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33)) },
    format: "jwk",
  });
  const [head, claims, signature] = jwt.split(".");
  const ok = crypto.verify("sha256", Buffer.from(`${head}.${claims}`), { key: publicKey, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"));
  if (!ok) throw new Error("vapid signature invalid");
  if (JSON.parse(Buffer.from(head, "base64url")).alg !== "ES256") throw new Error("vapid alg");
  const c = JSON.parse(Buffer.from(claims, "base64url"));
  const now = Math.floor(Date.now() / 1000);
  if (!(c.exp > now && c.exp <= now + 24 * 3600)) throw new Error("vapid exp out of range");
  // Lib.Net.Http.WebPush puts the origin without the port into aud (see TESTING-NOTES): accept both.
  const withoutPort = origin.replace(/:\d+$/, "");
  if (c.aud !== origin && c.aud !== withoutPort) throw new Error(`vapid aud ${c.aud}`);
  if (!/^(mailto:|https:)/.test(c.sub || "")) throw new Error("vapid sub");
  return { aud: c.aud, sub: c.sub, key: k };
}

const server = https.createServer({ cert, key }, async (request, response) => {
  try {
    const url = new URL(request.url, `https://${request.headers.host}`);
    const parts = url.pathname.split("/").filter(Boolean);
    if (request.method === "POST" && url.pathname === "/subscriptions") {
      const id = crypto.randomUUID();
      const ecdh = crypto.createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = crypto.randomBytes(16);
      subscriptions.set(id, { ecdh, auth, received: [], answer: 201 });
      const endpoint = `https://${request.headers.host}/push/${id}`;
      return send(response, 200, { id, endpoint, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } });
    }
    const subscription = subscriptions.get(parts[1]);
    if (parts[0] === "subscriptions" && subscription && parts[2] === "answer" && request.method === "POST") {
      subscription.answer = JSON.parse(await body(request)).status;
      return send(response, 204);
    }
    if (parts[0] === "subscriptions" && subscription && parts[2] === "received") {
      return send(response, 200, subscription.received);
    }
    if (parts[0] === "push" && request.method === "POST") {
      const content = await body(request);
      if (!subscription) return send(response, 404, { error: "no such subscription" });
      if (subscription.answer !== 201) return send(response, subscription.answer, { error: "as told" });
      let vapid;
      try {
        vapid = checkVapid(request.headers.authorization, `https://${request.headers.host}`);
      } catch (e) {
        subscription.received.push({ error: e.message });
        return send(response, 403, { error: e.message });
      }
      if (request.headers["content-encoding"] !== "aes128gcm") return send(response, 415, { error: "aes128gcm only" });
      let payload;
      try {
        payload = ece.decrypt(content, { version: "aes128gcm", privateKey: subscription.ecdh, authSecret: subscription.auth }).toString("utf8");
      } catch (e) {
        subscription.received.push({ error: `decrypt: ${e.message}` });
        return send(response, 400, { error: "cannot decrypt" });
      }
      subscription.received.push({
        payload: JSON.parse(payload),
        ttl: request.headers.ttl ?? null,
        urgency: request.headers.urgency ?? null,
        topic: request.headers.topic ?? null,
        aud: vapid.aud,
        sub: vapid.sub,
      });
      response.writeHead(201, { location: `https://${request.headers.host}/messages/${crypto.randomUUID()}` });
      return response.end();
    }
    send(response, 404, { error: "not found" });
  } catch (e) {
    send(response, 500, { error: e.message });
  }
});

server.listen(0, "127.0.0.1", () => console.log(`listening ${server.address().port}`));
