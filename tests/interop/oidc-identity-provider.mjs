// A local OpenID Connect identity provider for the single sign-on tests, standing in for the
// administration's Keycloak: oidc-provider (npm, a certified OpenID Provider), not our code.
//
//   node oidc-identity-provider.mjs CLIENT_ID CLIENT_SECRET REDIRECT_PATH POST_LOGOUT_PATH     prints "listening PORT" when ready
//
// Its login form takes any name and password (oidc-provider's development interactions); the account
// is the name: e-mail NAME@musterstadt.example (or NAME itself when it holds an @), verified unless the
// name starts with "unverified.". Consent is given at once, as for a first-party client in Keycloak.
// Group memberships are what the test last set with PUT /test/groups/NAME (a JSON list of names, e.g.
// ["/redaktion", "/verwaltung/presse"]; none until then); they go out as the userinfo claim "groups", as
// Keycloak's group mapper with "Full group path" sends them.
// The client may come back to REDIRECT_PATH (after signing in) and POST_LOGOUT_PATH (after signing out,
// RP-initiated logout) at any origin: the app under test is reached at host names and ports chosen after
// the provider started (a test peer only; a real provider registers exact URIs).
import http from "node:http";
import Provider from "oidc-provider";

const [clientId, clientSecret, redirectPath, postLogoutPath] = process.argv.slice(2);

const groupsOf = new Map();

function account(id) {
  const email = id.includes("@") ? id : `${id}@musterstadt.example`;
  const name = id.split("@")[0].split(".").map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join(" ");
  return {
    accountId: id,
    claims: async () => ({ sub: `kc-${id}`, email, email_verified: !id.startsWith("unverified."), name, groups: groupsOf.get(id) ?? [] }),
  };
}

// The issuer must name the port, so the port comes first.
const server = http.createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const { port } = server.address();

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [`http://localhost${redirectPath}`],
    post_logout_redirect_uris: [`http://localhost${postLogoutPath}`],
    response_types: ["code"],
    grant_types: ["authorization_code"],
  }],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  pkce: { required: () => true },
  findAccount: async (_ctx, id) => account(id),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["rathausplatz-tests-only"] },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile");
    grant.addOIDCClaims(["email", "email_verified", "name", "groups"]);
    await grant.save();
    return grant;
  },
});

const registered = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function (uri) {
  const url = new URL(uri);
  if (url.pathname === redirectPath && !url.search) return true;
  return registered.call(this, uri);
};

const registeredAfterLogout = provider.Client.prototype.postLogoutRedirectUriAllowed;
provider.Client.prototype.postLogoutRedirectUriAllowed = function (uri) {
  const url = new URL(uri);
  if (url.pathname === postLogoutPath && !url.search) return true;
  return registeredAfterLogout.call(this, uri);
};

const answer = provider.callback();
server.on("request", (req, res) => {
  if (req.method !== "PUT" || !req.url.startsWith("/test/groups/")) return answer(req, res);
  let body = "";
  req.on("data", (chunk) => { body += chunk; });
  req.on("end", () => {
    groupsOf.set(decodeURIComponent(req.url.slice("/test/groups/".length)), JSON.parse(body));
    res.writeHead(204).end();
  });
});
console.log(`listening ${port}`);
