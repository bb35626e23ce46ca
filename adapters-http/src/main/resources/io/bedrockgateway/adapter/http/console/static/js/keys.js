// Keys: every key, filtered by status, department, project and plan, and searched.
import * as api from './api.js';
import { field, h, table } from './dom.js';
import { when } from './format.js';

export async function keyList() {
  const keys = await api.keys();
  const search = h('input', { id: 'key-search', type: 'search', placeholder: 'Name, id, application…' });
  const filters = {
    status: select('filter-status', ['active', 'expired', 'revoked']),
    department: select('filter-department', distinct(keys, 'department')),
    project: select('filter-project', distinct(keys, 'project')),
    plan: select('filter-plan', distinct(keys, 'plan')),
  };
  const results = h('div', { id: 'key-results' });
  const counter = h('p', { id: 'key-count', class: 'muted', 'aria-live': 'polite' });
  const show = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = keys.filter((key) =>
      Object.entries(filters).every(([name, control]) => !control.value || key[name] === control.value)
      && words.every((word) => [key.name, key.id, key.application, key.department, key.project]
        .some((text) => (text ?? '').toLowerCase().includes(word))));
    counter.textContent = `${shown.length} of ${keys.length} keys`;
    results.replaceChildren(table('API keys', [
      { label: 'Name', value: (key) => h('a', { href: `#/keys/${key.id}` }, key.name) },
      { label: 'Id', value: (key) => h('code', { text: key.id }) },
      { label: 'Status', value: (key) => h('span', { class: `badge ${key.status}`, text: key.status }) },
      { label: 'Application', value: (key) => key.application ?? '' },
      { label: 'Department', value: (key) => key.department ?? '' },
      { label: 'Project', value: (key) => key.project ?? '' },
      { label: 'Plan', value: (key) => key.plan },
      { label: 'Created', value: (key) => when(key.created_at) },
      { label: 'Expires', value: (key) => when(key.expires_at) },
    ], shown, { id: 'keys-table' }));
  };
  search.addEventListener('input', show);
  Object.values(filters).forEach((control) => control.addEventListener('change', show));
  show();
  return h('div', {},
    h('div', { class: 'title-row' },
      h('h1', { text: 'Keys' }),
      h('a', { class: 'button', href: '#/keys/new', id: 'new-key', text: 'Create a key' })),
    h('form', { class: 'filters card', role: 'search', 'aria-label': 'Filter keys', onsubmit: (event) => event.preventDefault() },
      field('Search', search),
      field('Status', filters.status),
      field('Department', filters.department),
      field('Project', filters.project),
      field('Plan', filters.plan)),
    counter,
    results);
}

function select(id, values) {
  return h('select', { id }, h('option', { value: '', text: 'Any' }), values.map((value) => h('option', { value, text: value })));
}

function distinct(keys, property) {
  return [...new Set(keys.map((key) => key[property]).filter(Boolean))].sort();
}
