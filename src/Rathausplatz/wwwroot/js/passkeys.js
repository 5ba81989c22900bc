// Passkeys (WebAuthn) are the one part of the account pages that needs JavaScript: the forms are
// hidden in the markup and shown here only when the browser can create and use passkeys.
const supported = window.PublicKeyCredential
  && typeof PublicKeyCredential.parseCreationOptionsFromJSON === "function"
  && typeof PublicKeyCredential.parseRequestOptionsFromJSON === "function";

async function fetchOptions(form) {
  const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
  const response = await fetch(form.dataset.optionsUrl, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRF-TOKEN": token },
  });
  if (!response.ok) throw new Error(`options: ${response.status}`);
  return response.json();
}

async function run(form) {
  const options = await fetchOptions(form);
  const credential = form.dataset.passkey === "create"
    ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
    : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
  form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(credential);
  form.submit();
}

for (const form of document.querySelectorAll("form[data-passkey]")) {
  if (!supported) continue;
  form.hidden = false;
  form.addEventListener("submit", (event) => {
    if (form.querySelector('input[name="CredentialJson"]').value) return;
    event.preventDefault();
    const status = form.querySelector("[data-passkey-status]");
    run(form).catch(() => { status.hidden = false; });
  });
}
