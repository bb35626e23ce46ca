// Overview: today and this month, the last 30 days, the top spenders and the gateway's health.
import * as api from './api.js';
import { costAndRequests } from './chart.js';
import { h, table } from './dom.js';
import { addDays, count, daysFrom, monthStart, percent, today, usd } from './format.js';

const TOP = 5;

export async function overview() {
  const day = today();
  const month = { from: monthStart(day), to: day };
  const thirty = { from: addDays(day, -29), to: day };
  const [todays, months, days, byKey, byModel, byDepartment, byProject, keys, health] = await Promise.all([
    api.usage({ from: day, to: day, group_by: 'day' }),
    api.usage({ ...month, group_by: 'day' }),
    api.usage({ ...thirty, group_by: 'day' }),
    api.usage({ ...month, group_by: 'key' }),
    api.usage({ ...month, group_by: 'model' }),
    api.usage({ ...month, group_by: 'department' }),
    api.usage({ ...month, group_by: 'project' }),
    api.keys(),
    api.health(),
  ]);
  const names = new Map(keys.map((key) => [key.id, key.name]));
  const chart = h('div', { class: 'chart', id: 'overview-chart' });
  const perDay = new Map(days.groups.map((group) => [group.group, group.usage]));
  const labels = daysFrom(thirty.from, thirty.to);
  const content = h('div', {},
    h('h1', { text: 'Overview' }),
    h('section', { 'aria-labelledby': 'period-title' },
      h('h2', { id: 'period-title', class: 'visually-hidden', text: 'Today and this month' }),
      h('div', { class: 'periods' },
        period('today', `Today (${day}, UTC)`, todays.total),
        period('month', `This month (since ${month.from})`, months.total))),
    h('section', { 'aria-labelledby': 'chart-title', class: 'card' },
      h('h2', { id: 'chart-title', text: 'Cost and requests per day, last 30 days' }),
      chart),
    h('section', { 'aria-labelledby': 'top-title' },
      h('h2', { id: 'top-title', text: 'Top spenders this month' }),
      h('div', { class: 'grid top-grid' },
        top('Keys', 'top-keys', byKey, (group) => keyLink(group.group, names)),
        top('Models', 'top-models', byModel),
        top('Departments', 'top-departments', byDepartment),
        top('Projects', 'top-projects', byProject))),
    healthSection(health));
  requestAnimationFrame(() => costAndRequests(chart, 'Cost and requests per day', 'Day',
    labels,
    labels.map((label) => perDay.get(label)?.cost_usd ?? 0),
    labels.map((label) => perDay.get(label)?.requests ?? 0)));
  return content;
}

function period(id, title, total) {
  const metric = (name, label, value) =>
    h('div', { class: 'metric' },
      h('dt', { text: label }),
      h('dd', { 'data-metric': `${id}-${name}`, text: value }));
  return h('section', { class: 'card', 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title`, text: title }),
    h('dl', { class: 'metrics' },
      metric('requests', 'Requests', count(total.requests)),
      metric('error-rate', 'Error rate', percent(total.errors, total.requests)),
      metric('input-tokens', 'Input tokens', count(total.input_tokens)),
      metric('output-tokens', 'Output tokens', count(total.output_tokens)),
      metric('cache-read-tokens', 'Cached tokens read', count(total.cache_read_input_tokens)),
      metric('cache-write-tokens', 'Cached tokens written', count(total.cache_write_input_tokens)),
      metric('cost', 'Cost', usd(total.cost_usd))));
}

function top(title, id, report, label = (group) => group.group ?? '(none)') {
  const groups = [...report.groups]
    .sort((a, b) => b.usage.cost_usd - a.usage.cost_usd || b.usage.requests - a.usage.requests)
    .slice(0, TOP);
  return h('div', { class: 'card' },
    table(`${title} by cost`, [
      { label: title.replace(/s$/, ''), value: label },
      { label: 'Requests', value: (group) => count(group.usage.requests), numeric: true },
      { label: 'Cost', value: (group) => usd(group.usage.cost_usd), numeric: true },
    ], groups, { id }));
}

export function keyLink(id, names) {
  if (!id) return '(no key)';
  return h('a', { href: `#/keys/${id}` }, names.get(id) ?? id);
}

function healthSection(health) {
  const services = Object.entries(health.services ?? {}).map(([name, service]) => ({ name, ...service }));
  const backlog = health.usage ?? {};
  return h('section', { 'aria-labelledby': 'health-title', class: 'card' },
    h('h2', { id: 'health-title' }, 'Health: ',
      h('span', { class: `badge ${health.status}`, id: 'health-status', text: health.status })),
    table('Dependencies', [
      { label: 'Dependency', value: (service) => service.name },
      { label: 'Status', value: (service) => h('span', { class: `badge ${service.status}`, text: service.status }) },
      { label: 'Critical', value: (service) => (service.critical ? 'yes' : 'no') },
      { label: 'Check (ms)', value: (service) => service.latency_ms.toFixed(1), numeric: true },
      { label: 'Detail', value: (service) => service.detail },
    ], services, { id: 'dependencies' }),
    h('h3', { class: 'backlog-title', text: 'Usage backlog' }),
    h('dl', { class: 'metrics' },
      h('div', { class: 'metric' }, h('dt', { text: 'Queued' }), h('dd', { 'data-metric': 'usage-queued', text: count(backlog.queued) })),
      h('div', { class: 'metric' }, h('dt', { text: 'Spooled (waiting for MongoDB)' }), h('dd', { 'data-metric': 'usage-spooled', text: count(backlog.spooled) })),
      h('div', { class: 'metric' }, h('dt', { text: 'Lost' }), h('dd', { 'data-metric': 'usage-lost', text: count(backlog.lost) }))));
}
