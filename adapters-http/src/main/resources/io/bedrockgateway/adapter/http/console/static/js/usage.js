// Usage explorer: a report of /admin/v1/usage grouped by key, model, department, project or day,
// as a table and a chart, and the same rows as CSV.
import * as api from './api.js';
import { costAndRequests } from './chart.js';
import { field, h, table } from './dom.js';
import { count, dollars, monthStart, today, usd } from './format.js';

const GROUPINGS = [['key', 'Key'], ['model', 'Model'], ['department', 'Department'], ['project', 'Project'], ['day', 'Day']];

const COLUMNS = [
  ['requests', 'Requests', count],
  ['errors', 'Errors', count],
  ['input_tokens', 'Input tokens', count],
  ['output_tokens', 'Output tokens', count],
  ['cache_read_input_tokens', 'Cached read', count],
  ['cache_write_input_tokens', 'Cached written', count],
  ['images', 'Images', count],
  ['cost_usd', 'Cost (USD)', usd],
  ['avg_latency_ms', 'Avg latency (ms)', count],
];

export async function usageExplorer(query = '') {
  const asked = new URLSearchParams(query);
  const day = today();
  const parameters = {
    from: valid(asked.get('from')) ?? monthStart(day),
    to: valid(asked.get('to')) ?? day,
    group_by: GROUPINGS.some(([value]) => value === asked.get('group_by')) ? asked.get('group_by') : 'key',
  };
  const [report, keys] = await Promise.all([api.usage(parameters), parameters.group_by === 'key' ? api.keys() : []]);
  const names = new Map(keys.map((key) => [key.id, key.name]));
  const groups = [...report.groups].sort(parameters.group_by === 'day'
    ? (a, b) => (a.group ?? '').localeCompare(b.group ?? '')
    : (a, b) => b.usage.cost_usd - a.usage.cost_usd || (a.group ?? '').localeCompare(b.group ?? ''));
  const byKey = parameters.group_by === 'key';
  const rows = groups.map((group) => ({ group: group.group, name: byKey ? names.get(group.group) ?? '' : null, ...group.usage }));
  const total = { group: 'total', name: byKey ? '' : null, ...report.total };
  const groupLabel = GROUPINGS.find(([value]) => value === parameters.group_by)[1];

  const from = h('input', { id: 'usage-from', name: 'from', type: 'date', value: parameters.from, required: true });
  const to = h('input', { id: 'usage-to', name: 'to', type: 'date', value: parameters.to, required: true });
  const grouping = h('select', { id: 'usage-group', name: 'group_by' },
    GROUPINGS.map(([value, label]) => h('option', { value, text: label, selected: value === parameters.group_by })));
  const form = h('form', { class: 'filters card', id: 'usage-form', 'aria-label': 'Report' },
    field('From (UTC day)', from),
    field('To (UTC day, included)', to),
    field('Group by', grouping),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'usage-show', text: 'Show' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = '#/usage?' + new URLSearchParams({ from: from.value, to: to.value, group_by: grouping.value });
  });

  const columns = [
    { label: groupLabel, value: (row) => (row === total ? 'Total' : byKey && row.group ? h('a', { href: `#/keys/${row.group}`, text: row.group }) : row.group ?? '(none)') },
    ...(byKey ? [{ label: 'Name', value: (row) => row.name }] : []),
    ...COLUMNS.map(([name, label, format]) => ({ label, value: (row) => format(row[name]), numeric: true })),
  ];
  const csv = toCsv([
    ['group', ...(byKey ? ['name'] : []), ...COLUMNS.map(([name]) => name)],
    ...[...rows, total].map((row) => [row.group ?? '', ...(byKey ? [row.name] : []),
      ...COLUMNS.map(([name]) => (name === 'cost_usd' ? dollars(row[name]) : String(row[name])))]),
  ]);
  const download = h('button', {
    type: 'button', id: 'usage-csv', class: 'secondary', text: 'Export CSV',
    onclick: () => {
      const link = h('a', {
        href: URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' })),
        download: `usage-by-${parameters.group_by}-${parameters.from}-to-${parameters.to}.csv`,
      });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    },
  });
  const chart = h('div', { class: 'chart', id: 'usage-chart' });
  const content = h('div', {},
    h('h1', { text: 'Usage' }),
    form,
    h('section', { class: 'card', 'aria-labelledby': 'usage-chart-title' },
      h('h2', { id: 'usage-chart-title', text: `Cost and requests by ${groupLabel.toLowerCase()}, ${parameters.from} to ${parameters.to}` }),
      chart),
    h('section', { 'aria-labelledby': 'usage-table-title' },
      h('div', { class: 'title-row' },
        h('h2', { id: 'usage-table-title', text: 'Report' }),
        download),
      table(`Usage by ${groupLabel.toLowerCase()} from ${parameters.from} to ${parameters.to}`, columns, rows, { footer: total, id: 'usage-table' })));
  requestAnimationFrame(() => costAndRequests(chart, `Cost and requests by ${groupLabel.toLowerCase()}`, groupLabel,
    rows.map((row) => (byKey && row.name ? row.name : row.group ?? '(none)')),
    rows.map((row) => row.cost_usd),
    rows.map((row) => row.requests)));
  return content;
}

function valid(day) {
  return day && /^\d{4}-\d\d-\d\d$/.test(day) ? day : null;
}

/** RFC 4180 CSV; a cell a spreadsheet would run as a formula is prefixed with a quote. */
function toCsv(lines) {
  const cell = (value) => {
    let text = String(value ?? '');
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replaceAll('"', '""') + '"' : text;
  };
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
