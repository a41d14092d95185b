/**
 * A login page the customer writes and hosts on its own origin, using Arbor's JS SDK only.
 * Configure it with query parameters: ?arbor=<Arbor origin>&realm=<realm>&tree=<tree>, and the
 * ?flow= federation adds when it sends a browser here for an authorization request.
 * The page renders by callback kind; it knows nothing about the tree behind it.
 */
const params = new URLSearchParams(window.location.search);
const ARBOR = params.get('arbor') || 'http://localhost:8080';
const { createClient, webauthn, ArborError } = await import(`${ARBOR}/ui/sdk/arbor.js`);

const client = createClient({ baseUrl: ARBOR, realm: params.get('realm') || 'demo', tree: params.get('tree') || undefined });
const ui = Object.fromEntries(['title', 'description', 'error', 'form', 'fields', 'submit', 'done']
  .map((id) => [id, document.getElementById(id)]));
let step;

function field(callback, index, type, autocomplete) {
  const id = `field-${index}`;
  const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: callback.prompt || callback.type });
  const input = Object.assign(document.createElement('input'), { id, name: id, type, autocomplete, required: true });
  input.addEventListener('input', () => callback.setValue(input.value));
  return [label, input];
}

function render(next) {
  step = next;
  ui.title.textContent = step.header || 'Sign in to Example Corp';
  ui.description.textContent = step.description;
  ui.description.hidden = !step.description;
  const nodes = step.callbacks.flatMap((callback, index) => {
    switch (callback.kind) {
      case 'name': return field(callback, index, 'text', 'username');
      case 'password': return field(callback, index, 'password', 'current-password');
      case 'text': return field(callback, index, 'text', 'off');
      case 'message': return [Object.assign(document.createElement('p'), { textContent: callback.prompt })];
      case 'hidden': case 'metadata': return [];
      default: return [Object.assign(document.createElement('p'), { textContent: `Unsupported step (${callback.type}).` })];
    }
  });
  ui.fields.replaceChildren(...nodes);
  ui.form.hidden = false;
  const first = ui.fields.querySelector('input');
  if (first) first.focus();
  const passkey = step.callbacks.find((c) => c.kind.startsWith('webauthn'));
  if (passkey) {
    webauthn.answer(passkey).then(() => advance(client.next(step)), showError);
  }
}

function showError(error) {
  ui.error.textContent = error instanceof ArborError ? error.message : 'Something went wrong.';
}

async function advance(pending) {
  ui.submit.disabled = true;
  try {
    const result = await pending;
    ui.error.textContent = '';
    if (result.type === 'success') {
      ui.form.hidden = true;
      ui.done.hidden = false;
      window.location.assign(result.successUrl);
      return;
    }
    render(result);
  } catch (error) {
    showError(error);
    if (error.code === 'login_failure') {
      advance(client.start({ flow: params.get('flow') || undefined }));
    }
  } finally {
    ui.submit.disabled = false;
  }
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  advance(client.next(step));
});

advance(client.start({ flow: params.get('flow') || undefined }));
