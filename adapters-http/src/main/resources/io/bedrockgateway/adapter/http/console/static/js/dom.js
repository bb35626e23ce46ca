// Small helpers to build the page from data without ever parsing it as HTML.

/** An element with attributes (`on…` are listeners, `text` its text) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Says `message` to screen readers. */
export function announce(message) {
  const region = document.getElementById('announce');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A labelled form field: the label, the control and an optional hint. */
export function field(label, control, hint) {
  const id = control.id;
  const hintId = hint ? id + '-hint' : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    control,
    hint ? h('small', { id: hintId, class: 'hint', text: hint }) : null);
}

/** A table of `rows` under `columns` ({label, value(row) -> text or node, numeric}). */
export function table(caption, columns, rows, { footer, id } = {}) {
  const cell = (column, row, tag) => {
    const value = column.value(row);
    return h(tag, { class: column.numeric ? 'num' : null, scope: tag === 'th' ? 'row' : null },
      value instanceof Node ? value : String(value ?? ''));
  };
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', { id },
      h('caption', { text: caption }),
      h('thead', {}, h('tr', {}, columns.map((column) =>
        h('th', { scope: 'col', class: column.numeric ? 'num' : null, text: column.label })))),
      h('tbody', {}, rows.length === 0
        ? h('tr', {}, h('td', { colspan: columns.length, class: 'empty', text: 'Nothing to show.' }))
        : rows.map((row) => h('tr', {}, columns.map((column, i) => cell(column, row, i === 0 ? 'th' : 'td'))))),
      footer ? h('tfoot', {}, h('tr', {}, columns.map((column, i) => cell(column, footer, i === 0 ? 'th' : 'td')))) : null));
}

/** Asks for confirmation in the page's modal dialog; resolves true when confirmed. */
export function confirmAction(title, text, confirmLabel) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-ok').textContent = confirmLabel;
  dialog.returnValue = '';
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'), { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  });
}

/** A message about a failure, read out at once. */
export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert', text: error.message ?? String(error) });
}
