// The form that creates a key or edits one, and the one-time display of a plain key.
import { call } from './api.js';
import { announce, errorBox, field, h } from './dom.js';

const LIMITS = [
  ['requests', 'Requests per window', 'Whole number; needs the window below.'],
  ['window_seconds', 'Window (seconds)', 'For the requests limit, e.g. 60.'],
  ['tokens_per_minute', 'Tokens per minute', null],
  ['tokens_per_day', 'Tokens per UTC day', null],
  ['monthly_budget_usd', 'Monthly budget (USD)', 'Spend per UTC calendar month.'],
  ['concurrent_streams', 'Concurrent streams', null],
];

/** `#/keys/new`: create a key, then show its plain key once. */
export async function newKey() {
  const holder = h('div', {});
  holder.append(h('h1', { text: 'Create a key' }),
    keyForm(null, 'Create key', async (values) => {
      const issued = await call('/admin/v1/keys', { method: 'POST', body: createBody(values) });
      holder.replaceChildren(h('h1', { text: 'Key created' }), plainKey(issued));
    }));
  return holder;
}

/**
 * The key's form; `key` (as the admin API shows it) pre-fills it for editing. `submit` gets the
 * form's values and may throw, which shows the gateway's message beside the button.
 */
export function keyForm(key, label, submit) {
  const prefix = key ? 'edit' : 'create';
  const input = (name, value, attributes = {}) =>
    h('input', { id: `${prefix}-${name}`, name, value: value ?? '', ...attributes });
  const own = key?.limits ?? {};
  const controls = {
    name: input('name', key?.name, { required: true, maxlength: 200, autocomplete: 'off' }),
    application: input('application', key?.application, { autocomplete: 'off' }),
    department: input('department', key?.department, { autocomplete: 'off' }),
    project: input('project', key?.project, { autocomplete: 'off' }),
    plan: input('plan', key?.plan, { autocomplete: 'off', placeholder: 'default' }),
    allowed_models: h('textarea', { id: `${prefix}-allowed_models`, name: 'allowed_models', rows: 3 },
      (key?.allowed_models ?? []).join('\n')),
    expires_at: input('expires_at', key?.expires_at, { placeholder: '2027-06-30 or 2027-06-30T12:00:00Z', autocomplete: 'off' }),
  };
  const limits = Object.fromEntries(LIMITS.map(([name]) =>
    [name, input(name, own[name], { inputmode: name === 'monthly_budget_usd' ? 'decimal' : 'numeric', autocomplete: 'off' })]));
  const problem = h('div', { class: 'form-problem' });
  const button = h('button', { type: 'submit', id: `${prefix}-submit`, text: label });
  const form = h('form', { class: 'card key-form', id: `${prefix}-form` },
    h('fieldset', {},
      h('legend', { text: 'Owner' }),
      field('Name (required)', controls.name),
      field('Application', controls.application),
      field('Department', controls.department),
      field('Project', controls.project)),
    h('fieldset', {},
      h('legend', { text: 'Plan and limits' }),
      field('Plan', controls.plan, 'A plan configured on the gateway; empty means the default plan.'),
      h('p', { class: 'hint', text: 'Limits below replace the plan’s for this key only; leave empty to keep the plan’s.' }),
      LIMITS.map(([name, text, hint]) => field(text, limits[name], hint))),
    h('fieldset', {},
      h('legend', { text: 'Access' }),
      field('Allowed models', controls.allowed_models, 'One model id per line; none means every configured model.'),
      field('Expires (UTC)', controls.expires_at, 'A date or a UTC time; empty means never.')),
    h('div', { class: 'actions' }, button),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    problem.replaceChildren();
    button.disabled = true;
    try {
      await submit(values(controls, limits));
    } catch (failure) {
      problem.replaceChildren(errorBox(failure));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function values(controls, limits) {
  const text = (control) => control.value.trim();
  const ownLimits = {};
  for (const [name, control] of Object.entries(limits)) {
    if (text(control) === '') continue;
    const number = Number(text(control));
    if (!Number.isFinite(number)) throw new Error(`${name}: must be a number`);
    ownLimits[name] = number;
  }
  const expiry = text(controls.expires_at);
  return {
    name: text(controls.name),
    application: text(controls.application),
    department: text(controls.department),
    project: text(controls.project),
    plan: text(controls.plan),
    limits: ownLimits,
    allowed_models: controls.allowed_models.value.split(/[\s,]+/).filter(Boolean),
    expires_at: /^\d{4}-\d\d-\d\d$/.test(expiry) ? expiry + 'T00:00:00Z' : expiry,
  };
}

function createBody(values) {
  const body = { name: values.name };
  for (const name of ['application', 'department', 'project', 'plan', 'expires_at']) {
    if (values[name]) body[name] = values[name];
  }
  if (Object.keys(values.limits).length > 0) body.limits = values.limits;
  if (values.allowed_models.length > 0) body.allowed_models = values.allowed_models;
  return body;
}

/** The PATCH body: every field of the form, an empty one clearing what it holds. */
export function updateBody(values) {
  const body = {
    name: values.name,
    application: values.application || null,
    department: values.department || null,
    project: values.project || null,
    limits: values.limits,
    allowed_models: values.allowed_models,
    expires_at: values.expires_at || null,
  };
  if (values.plan) body.plan = values.plan;
  return body;
}

/** The plain key of a key just made, shown this once with a copy button and the warning. */
export function plainKey(issued) {
  const value = h('code', { id: 'plain-key', class: 'secret', text: issued.key });
  const copied = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copy = h('button', {
    type: 'button', id: 'copy-key', class: 'secondary', text: 'Copy key',
    onclick: async () => {
      try {
        await navigator.clipboard.writeText(issued.key);
        copied.textContent = 'Copied.';
      } catch (denied) {
        const range = document.createRange();
        range.selectNodeContents(value);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      }
    },
  });
  announce('Key created. Copy it now: it is shown only once.');
  return h('section', { class: 'card issued', 'aria-labelledby': 'issued-title' },
    h('h2', { id: 'issued-title', text: 'The new key' }),
    h('p', { class: 'warning', role: 'alert', id: 'key-notice', text: issued.notice }),
    h('p', {}, value),
    h('div', { class: 'actions' }, copy, copied),
    h('p', {}, h('a', { href: `#/keys/${issued.api_key.id}`, id: 'issued-key-link', text: `Go to ${issued.api_key.name} (${issued.api_key.id})` })));
}
