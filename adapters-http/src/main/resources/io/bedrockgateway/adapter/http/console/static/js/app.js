// The console's shell: sign in and out, the navigation and the views behind each address.
import { call, onUnauthorized, session } from './api.js';
import { announce, errorBox, field, h } from './dom.js';
import { overview } from './overview.js';
import { keyList } from './keys.js';
import { keyPage } from './key.js';
import { newKey } from './key-form.js';
import { usageExplorer } from './usage.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOutButton = document.getElementById('sign-out');

const views = [
  [/^#\/overview$/, 'overview', overview],
  [/^#\/keys$/, 'keys', keyList],
  [/^#\/keys\/new$/, 'keys', newKey],
  [/^#\/keys\/([A-Za-z0-9]{1,32})$/, 'keys', keyPage],
  [/^#\/usage(?:\?(.*))?$/, 'usage', usageExplorer],
];

let rendering = 0;

async function render() {
  const hash = location.hash;
  if (hash !== '' && !hash.startsWith('#/')) return; // an in-page link such as the skip link
  if (!session.token()) {
    showSignIn();
    return;
  }
  nav.hidden = false;
  signOutButton.hidden = false;
  const match = views.map(([pattern, section, view]) => [pattern.exec(hash), section, view]).find(([m]) => m);
  if (!match) {
    location.replace('#/overview');
    return;
  }
  const [found, section, view] = match;
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const mine = ++rendering;
  const page = h('div', { class: 'page', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading…' }));
  main.replaceChildren(page);
  try {
    const content = await view(...found.slice(1));
    if (mine !== rendering) return;
    page.replaceChildren(content);
  } catch (failure) {
    if (mine !== rendering) return;
    page.replaceChildren(h('h1', { text: 'Something went wrong' }), errorBox(failure));
  }
  page.removeAttribute('aria-busy');
  const heading = page.querySelector('h1');
  if (heading) {
    document.title = heading.textContent + ' · Bedrock Gateway console';
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function showSignIn(message) {
  nav.hidden = true;
  signOutButton.hidden = true;
  document.title = 'Sign in · Bedrock Gateway console';
  const input = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'current-password', required: true, spellcheck: 'false' });
  const problem = h('p', { id: 'sign-in-error', class: 'error', role: 'alert' });
  if (message) problem.textContent = message;
  const form = h('form', { id: 'sign-in', class: 'card narrow', 'aria-labelledby': 'sign-in-title' },
    h('h1', { id: 'sign-in-title', text: 'Sign in' }),
    h('p', { text: 'Use the gateway’s admin token (ADMIN_TOKEN). It is kept in this browser tab only, sent with each request to the admin API, and forgotten when you sign out or close the tab.' }),
    field('Admin token', input),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in-button', text: 'Sign in' })),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.textContent = '';
    const token = input.value.trim();
    if (!token) {
      problem.textContent = 'Enter the admin token.';
      return;
    }
    try {
      await call('/admin/v1/keys', { token });
    } catch (refused) {
      problem.textContent = refused.status === 401
        ? 'That admin token is not valid. Check ADMIN_TOKEN in the gateway’s environment.'
        : refused.message;
      input.focus();
      return;
    }
    session.signIn(token);
    announce('Signed in.');
    if (!location.hash.startsWith('#/') || location.hash === '#/') location.hash = '#/overview';
    else render();
  });
  main.replaceChildren(form);
  input.focus();
}

function signOut(message) {
  session.signOut();
  rendering++;
  announce('Signed out.');
  showSignIn(message);
}

signOutButton.addEventListener('click', () => signOut());
onUnauthorized(() => signOut('The admin token is no longer accepted. Sign in again.'));
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', render);
render();
