// One key: its details, usage chart, what is left of its limits and budget, edit, rotate, revoke.
import * as api from './api.js';
import { costAndRequests } from './chart.js';
import { announce, confirmAction, errorBox, field, h, table } from './dom.js';
import { addDays, allTokens, count, daysFrom, dollars, monthStart, today, usd, when } from './format.js';
import { keyForm, plainKey, updateBody } from './key-form.js';

export async function keyPage(id) {
  const day = today();
  const thirty = { from: addDays(day, -29), to: day };
  const [key, days, month, todays] = await Promise.all([
    api.key(id),
    api.usage({ ...thirty, group_by: 'day', key_id: id }),
    api.usage({ from: monthStart(day), to: day, group_by: 'key', key_id: id }),
    api.usage({ from: day, to: day, group_by: 'key', key_id: id }),
  ]);
  const line = await spentByLine(key, day, month.total, todays.total);
  const page = h('div', {});
  const chart = h('div', { class: 'chart', id: 'key-chart' });
  const perDay = new Map(days.groups.map((group) => [group.group, group.usage]));
  const labels = daysFrom(thirty.from, thirty.to);
  const outcome = h('div', { id: 'key-outcome' });
  page.append(
    h('div', { class: 'title-row' },
      h('h1', {}, key.name, ' ', h('span', { class: `badge ${key.status}`, id: 'key-status', text: key.status }))),
    outcome,
    h('section', { class: 'card', 'aria-labelledby': 'key-usage-title' },
      h('h2', { id: 'key-usage-title', text: 'Usage, last 30 days' }),
      h('dl', { class: 'metrics' },
        metric('month-requests', 'Requests this month', count(month.total.requests)),
        metric('month-tokens', 'Tokens this month', count(allTokens(month.total))),
        metric('month-cost', 'Cost this month', usd(month.total.cost_usd)),
        metric('today-requests', 'Requests today', count(todays.total.requests))),
      chart),
    limits(key, line),
    details(key),
    actions(key, outcome));
  requestAnimationFrame(() => costAndRequests(chart, `Cost and requests per day of ${key.name}`, 'Day',
    labels,
    labels.map((label) => perDay.get(label)?.cost_usd ?? 0),
    labels.map((label) => perDay.get(label)?.requests ?? 0)));
  return page;
}

function metric(name, label, value) {
  return h('div', { class: 'metric' }, h('dt', { text: label }), h('dd', { 'data-metric': `key-${name}`, text: value }));
}

function details(key) {
  const row = (label, value) => [h('dt', { text: label }), h('dd', {}, value ?? '—')];
  return h('section', { class: 'card', 'aria-labelledby': 'key-details-title' },
    h('h2', { id: 'key-details-title', text: 'Details' }),
    h('dl', { class: 'details' },
      row('Id', h('code', { text: key.id })),
      row('Application', key.application),
      row('Department', key.department),
      row('Project', key.project),
      row('Plan', key.plan),
      row('Allowed models', key.allowed_models.length ? key.allowed_models.join(', ') : 'every configured model'),
      row('Created', when(key.created_at)),
      row('Expires', when(key.expires_at)),
      row('Revoked', when(key.revoked_at)),
      row('Rotated from', key.rotated_from
        ? h('span', {}, h('a', { href: `#/keys/${key.rotated_from.key_id}`, text: key.rotated_from.key_id }),
          ` (old key accepted until ${when(key.rotated_from.grace_until)})`)
        : null)));
}

const MAX_LINE = 20;

/**
 * What the key's line spent today and this month: limits and budgets belong to the line (the key
 * and the keys it replaced by rotation), so the keys it was rotated from count too.
 */
async function spentByLine(key, day, month, today) {
  const before = [];
  for (let from = key.rotated_from; from && before.length < MAX_LINE; ) {
    const predecessor = await api.key(from.key_id);
    before.push(predecessor.id);
    from = predecessor.rotated_from;
  }
  const reports = await Promise.all(before.flatMap((id) => [
    api.usage({ from: monthStart(day), to: day, group_by: 'key', key_id: id }),
    api.usage({ from: day, to: day, group_by: 'key', key_id: id }),
  ]));
  const sum = (first, others) => ({
    tokens: others.reduce((total, report) => total + allTokens(report.total), allTokens(first)),
    cost: others.reduce((total, report) => total + Number(dollars(report.total.cost_usd)), Number(dollars(first.cost_usd))),
  });
  return {
    keys: before.length + 1,
    month: sum(month, reports.filter((_, i) => i % 2 === 0)),
    day: sum(today, reports.filter((_, i) => i % 2 === 1)),
  };
}

/** Every limit the key is held to; for the day's tokens and the month's budget, what is left. */
function limits(key, line) {
  const day = line.day;
  const month = line.month;
  const effective = key.effective_limits ?? {};
  const rows = [];
  if (effective.requests != null) {
    rows.push({ name: 'requests', label: 'Requests', limit: `${count(effective.requests)} per ${count(effective.window_seconds)} s`, used: 'sliding window', left: '—' });
  }
  if (effective.tokens_per_minute != null) {
    rows.push({ name: 'tokens-per-minute', label: 'Tokens per minute', limit: count(effective.tokens_per_minute), used: 'sliding minute', left: '—' });
  }
  if (effective.tokens_per_day != null) {
    const used = day.tokens;
    rows.push({ name: 'tokens-per-day', label: 'Tokens today (UTC)', limit: count(effective.tokens_per_day), used: count(used), left: count(Math.max(0, effective.tokens_per_day - used)) });
  }
  if (effective.monthly_budget_usd != null) {
    const left = Math.max(0, Number(dollars(effective.monthly_budget_usd)) - month.cost);
    rows.push({ name: 'budget', label: 'Budget this month (UTC)', limit: usd(effective.monthly_budget_usd), used: usd(month.cost), left: usd(left) });
  }
  if (effective.concurrent_streams != null) {
    rows.push({ name: 'concurrent-streams', label: 'Concurrent streams', limit: count(effective.concurrent_streams), used: '—', left: '—' });
  }
  const mark = (name, part, text) => h('span', { 'data-limit': `${name}-${part}`, text });
  return h('section', { class: 'card', 'aria-labelledby': 'key-limits-title' },
    h('h2', { id: 'key-limits-title', text: 'Limits and budget' }),
    rows.length === 0
      ? h('p', { id: 'no-limits', text: `Nothing limits this key: its plan (${key.plan}) has no limits and the key has none of its own.` })
      : table('Limits the key is held to (its plan’s, with its own in their place)', [
        { label: 'Limit', value: (row) => row.label },
        { label: 'Allowed', value: (row) => mark(row.name, 'limit', row.limit), numeric: true },
        { label: 'Used', value: (row) => mark(row.name, 'used', row.used), numeric: true },
        { label: 'Left', value: (row) => mark(row.name, 'left', row.left), numeric: true },
      ], rows, { id: 'limits-table' }),
    h('p', { class: 'hint', id: 'limits-note', text: 'Used and left are read from the usage ledger (requests still running are not in it yet)'
      + (line.keys > 1 ? `, over this key and the ${line.keys - 1} it replaced by rotation, which share its limits and budget.` : '.') }));
}

function actions(key, outcome) {
  const active = key.status === 'active';
  const sections = [];
  sections.push(h('details', { class: 'card', id: 'edit-section' },
    h('summary', { text: 'Edit the key' }),
    keyForm(key, 'Save changes', async (values) => {
      await api.call(`/admin/v1/keys/${key.id}`, { method: 'PATCH', body: updateBody(values) });
      announce('Key saved.');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    })));
  if (active) {
    const grace = h('input', { id: 'grace-hours', type: 'number', min: 0, max: 720, step: 'any', value: 24, inputmode: 'decimal' });
    const problem = h('div', {});
    const rotate = h('form', { class: 'card', id: 'rotate-form', 'aria-labelledby': 'rotate-title' },
      h('h2', { id: 'rotate-title', text: 'Rotate' }),
      h('p', { text: 'Makes a new key with the same owner, plan and limits. The old key keeps working until the grace period ends.' }),
      field('Grace period (hours)', grace, 'At most 720 hours (30 days).'),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'rotate-submit', text: 'Rotate key' })),
      problem);
    rotate.addEventListener('submit', async (event) => {
      event.preventDefault();
      problem.replaceChildren();
      try {
        const issued = await api.call(`/admin/v1/keys/${key.id}/rotate`, {
          method: 'POST', body: { grace_seconds: Math.round(Number(grace.value) * 3600) },
        });
        outcome.replaceChildren(plainKey(issued));
        rotate.remove();
        outcome.querySelector('h2').focus?.();
      } catch (failure) {
        problem.replaceChildren(errorBox(failure));
      }
    });
    sections.push(rotate);
  }
  if (key.status !== 'revoked') {
    const problem = h('div', {});
    sections.push(h('section', { class: 'card danger-zone', 'aria-labelledby': 'revoke-title' },
      h('h2', { id: 'revoke-title', text: 'Revoke' }),
      h('p', { text: 'Stops the key at once; applications using it are refused. This cannot be undone.' }),
      h('div', { class: 'actions' }, h('button', {
        type: 'button', id: 'revoke', class: 'danger', text: 'Revoke key…',
        onclick: async () => {
          const sure = await confirmAction(`Revoke ${key.name}?`,
            `Key ${key.id} stops working at once on this instance and within the key cache's lifetime on the others. This cannot be undone.`,
            'Revoke');
          if (!sure) return;
          try {
            await api.call(`/admin/v1/keys/${key.id}/revoke`, { method: 'POST' });
            announce('Key revoked.');
            window.dispatchEvent(new HashChangeEvent('hashchange'));
          } catch (failure) {
            problem.replaceChildren(errorBox(failure));
          }
        },
      })),
      problem));
  }
  return h('div', { class: 'grid actions-grid' }, sections);
}
