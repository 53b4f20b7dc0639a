// The API token, when the server sets NEWSFLOW_API_TOKEN. A 401 from the API opens a dialog that asks for it; the
// token is kept in sessionStorage (this tab only, gone when it closes) and sent as "Authorization: Bearer ..." on
// every call. Never in a URL: URLs end up in history, logs and Referer headers.
import { fill } from './dom.js';

const KEY = 'newsflow.apiToken';
/** The user closed the dialog without a token: 401s from the polls do not open it again. */
let dismissed = false;

export function token() {
  return sessionStorage.getItem(KEY);
}

/** The headers that carry the token, or none. */
export function authHeaders() {
  const t = token();
  return t ? { Authorization: 'Bearer ' + t } : {};
}

/**
 * The server refused a call (401). A token we sent is wrong: it is forgotten and the dialog says so. Opens the dialog
 * once however many calls failed, and not again after the user cancelled it (the header's "API token" button
 * does); 'newsflow:token' fires when the user gives one.
 */
export function unauthorized(sentToken) {
  const now = token();
  if (now && sentToken !== now) return; // asked before the current token was given: the next call carries it
  const refused = sentToken && sentToken === now;
  if (refused) sessionStorage.removeItem(KEY);
  const dialog = document.getElementById('token-dialog');
  if (!dialog) return;
  document.getElementById('token-button').hidden = false;
  if (dismissed && !refused) return; // cancelled: the header's button opens it again, the polls do not
  open(dialog, refused);
}

function open(dialog, refused) {
  const error = document.getElementById('token-error');
  if (refused || !dialog.open) fill(error, refused ? 'The server refused that token. Check it and try again.' : '');
  if (!dialog.open) {
    dialog.showModal(); // modal: focus moves into it, Escape closes it, the page behind is inert
    document.getElementById('token-input').focus();
  }
}

function submit(e) {
  e.preventDefault();
  dismissed = false;
  const input = document.getElementById('token-input');
  const value = input.value.trim();
  if (!value) return;
  sessionStorage.setItem(KEY, value);
  input.value = '';
  document.getElementById('token-dialog').close();
  window.dispatchEvent(new CustomEvent('newsflow:token'));
}

export function setUpTokenDialog() {
  const dialog = document.getElementById('token-dialog');
  document.getElementById('token-form').addEventListener('submit', submit);
  document.getElementById('token-cancel').addEventListener('click', () => { dismissed = true; dialog.close(); });
  dialog.addEventListener('cancel', () => { dismissed = true; }); // Escape
  document.getElementById('token-button').addEventListener('click', () => { dismissed = false; open(dialog, false); });
}
