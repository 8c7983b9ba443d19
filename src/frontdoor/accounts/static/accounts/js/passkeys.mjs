// Passkeys: ask the browser to create or use a passkey, and send its answer with the form.
// The server sends the options as JSON (bytes in base64url); the browser's API wants
// ArrayBuffers, and its answer comes back as ArrayBuffers, so both ways are converted here.
// Without JavaScript, or in a browser without passkeys, the forms stay hidden and the
// page's fallback text says what to do instead.

function toBytes(base64url) {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (character) => character.charCodeAt(0));
}

function toBase64url(buffer) {
  const characters = Array.from(new Uint8Array(buffer), (byte) => String.fromCharCode(byte));
  return btoa(characters.join("")).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function withCredentialIds(descriptors) {
  return (descriptors || []).map((descriptor) => ({ ...descriptor, id: toBytes(descriptor.id) }));
}

function creationOptions(options) {
  return {
    ...options,
    challenge: toBytes(options.challenge),
    user: { ...options.user, id: toBytes(options.user.id) },
    excludeCredentials: withCredentialIds(options.excludeCredentials),
  };
}

function requestOptions(options) {
  return {
    ...options,
    challenge: toBytes(options.challenge),
    allowCredentials: withCredentialIds(options.allowCredentials),
  };
}

// The JSON shape py_webauthn reads (the WebAuthn Level 3 RegistrationResponseJSON and AuthenticationResponseJSON).
function answer(credential) {
  const response = credential.response;
  const json = {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment || undefined,
    clientExtensionResults: credential.getClientExtensionResults(),
    response: { clientDataJSON: toBase64url(response.clientDataJSON) },
  };
  if (response.attestationObject) {
    json.response.attestationObject = toBase64url(response.attestationObject);
    json.response.transports = response.getTransports ? response.getTransports() : [];
  } else {
    json.response.authenticatorData = toBase64url(response.authenticatorData);
    json.response.signature = toBase64url(response.signature);
    if (response.userHandle) {
      json.response.userHandle = toBase64url(response.userHandle);
    }
  }
  return json;
}

function explain(error) {
  if (error && error.name === "NotAllowedError") {
    return "The passkey was not used: the request was cancelled or timed out. Try again";
  }
  if (error && error.name === "InvalidStateError") {
    return "This device already has a passkey for your account";
  }
  return "Your browser could not use a passkey. Try again, or use another way to sign in";
}

function start(form) {
  const options = JSON.parse(document.getElementById(form.dataset.fdPasskeyOptions).textContent);
  const credentialField = form.querySelector("input[name=credential]");
  const errorMessage = form.querySelector("[data-fd-passkey-error]");
  const nameField = form.querySelector("input[name=name]");

  form.addEventListener("submit", async (event) => {
    // Without a name the server asks for one; no passkey is made that would not be kept.
    if (credentialField.value || (nameField && !nameField.value.trim())) {
      return;
    }
    event.preventDefault();
    errorMessage.hidden = true;
    try {
      const credential =
        form.dataset.fdPasskey === "create"
          ? await navigator.credentials.create({ publicKey: creationOptions(options) })
          : await navigator.credentials.get({ publicKey: requestOptions(options) });
      credentialField.value = JSON.stringify(answer(credential));
      form.submit();
    } catch (error) {
      errorMessage.textContent = explain(error);
      errorMessage.hidden = false;
    }
  });
  form.hidden = false;
}

if (window.PublicKeyCredential && navigator.credentials) {
  for (const fallback of document.querySelectorAll("[data-fd-passkey-fallback]")) {
    fallback.hidden = true;
  }
  for (const form of document.querySelectorAll("form[data-fd-passkey]")) {
    start(form);
  }
}
