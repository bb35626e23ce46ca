// Charts drawn by uPlot (served from its WebJar): bars for cost, a line for requests, over labels
// (days, keys, models...). The same numbers are always in a table beside the chart.
import uPlot from '../vendor/uPlot.esm.js';
import { count, usd } from './format.js';

const HEIGHT = 260;

/**
 * Draws cost (bars, left axis) and requests (line, right axis) for each label (a day, a key...:
 * `axis` names them) into `container`, which gets an accessible name saying what it shows.
 */
export function costAndRequests(container, title, axis, labels, costs, requests) {
  container.replaceChildren();
  container.setAttribute('role', 'img');
  const total = costs.reduce((a, b) => a + b, 0);
  const calls = requests.reduce((a, b) => a + b, 0);
  container.setAttribute('aria-label',
    `${title}: ${labels.length} bars, ${usd(total)} and ${count(calls)} requests in all.`);
  const short = labels.map((label) => (/^\d{4}-\d\d-\d\d$/.test(label) ? label.slice(5) : shorten(label)));
  const options = {
    title,
    width: widthOf(container),
    height: HEIGHT,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(labels.length - 0.5, 0.5)] },
      usd: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
      requests: { range: (u, min, max) => [0, max > 0 ? Math.ceil(max * 1.1) : 1] },
    },
    axes: [
      {
        incrs: [1, 2, 3, 5, 7, 10, 14, 20, 30, 50],
        space: 48,
        values: (u, splits) => splits.map((i) => (Number.isInteger(i) ? short[i] ?? '' : '')),
      },
      { scale: 'usd', values: (u, splits) => splits.map((v) => usd(v)), size: 80 },
      {
        scale: 'requests',
        side: 1,
        grid: { show: false },
        values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? count(v) : '')),
      },
    ],
    series: [
      { label: axis, value: (u, i) => (i == null ? '—' : labels[i] ?? '') },
      {
        label: 'Cost',
        scale: 'usd',
        stroke: '#1f6feb',
        fill: 'rgba(31, 111, 235, 0.35)',
        paths: uPlot.paths.bars({ size: [0.7, 48] }),
        points: { show: false },
        value: (u, v) => (v == null ? '—' : usd(v)),
      },
      {
        label: 'Requests',
        scale: 'requests',
        stroke: '#b35900',
        width: 2,
        points: { show: true, size: 6 },
        value: (u, v) => (v == null ? '—' : count(v)),
      },
    ],
  };
  const plot = new uPlot(options, [labels.map((_, i) => i), costs, requests], container);
  const resize = new ResizeObserver(() => {
    if (!container.isConnected) {
      resize.disconnect();
      plot.destroy();
      return;
    }
    plot.setSize({ width: widthOf(container), height: HEIGHT });
  });
  resize.observe(container);
  return plot;
}

function widthOf(container) {
  return Math.max(260, Math.floor(container.getBoundingClientRect().width || 600));
}

function shorten(label) {
  return label.length > 14 ? label.slice(0, 13) + '…' : label;
}
