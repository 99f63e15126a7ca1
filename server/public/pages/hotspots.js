/* global document */
import { api } from '../api.js';
import { clear, el } from '../dom.js';
import { t, valueLabel } from '../i18n.js';
import { showError } from '../ui.js';

const SVG = 'http://www.w3.org/2000/svg';

export async function renderHotspots(main) {
  main.append(el('h1', { text: t('hotspotsTitle') }), el('p', { class: 'muted', text: t('hotspotsHelp') }));
  const [hotspots, warning] = await Promise.all([api.hotspots(), api.earlyWarning({})]);
  main.append(alertsBlock(warning));
  const trend = el('section', { class: 'card trend', id: 'trend', hidden: true });
  main.append(el('div', { class: 'heat-wrap' }, heatMap(hotspots, trend)), trend);
}

function alertsBlock(warning) {
  const box = el('section', { class: 'card alerts', id: 'alerts' }, el('h2', { text: t('alerts') }));
  if (warning.indicators && warning.indicators.items.length > 0) {
    box.append(
      el('h3', { text: `${t('indicatorsOf')} ${warning.indicators.day}` }),
      el(
        'ul',
        { id: 'indicators' },
        warning.indicators.items.map((item) =>
          el(
            'li',
            {},
            el('span', { class: `badge severity-${item.severity}`, text: t(`severity_${item.severity}`) }),
            ' ',
            item.sellerKey
              ? el('a', { href: `#/seller/${encodeURIComponent(item.sellerKey)}`, text: item.message })
              : item.message,
          ),
        ),
      ),
      el('h3', { text: t('risingCells') }),
    );
  }
  if (warning.alerts.length === 0) {
    box.append(el('p', { class: 'muted', text: t('alertsEmpty') }));
    return box;
  }
  box.append(
    el(
      'ul',
      {},
      warning.alerts
        .slice(0, 10)
        .map((alert) =>
          el(
            'li',
            {},
            el('strong', { text: `${alert.province} × ${valueLabel('category', alert.category)}` }),
            `: ${alert.recent} ${t('alertLine')}`,
            alert.ratio === null ? ` (${t('newRise')})` : ` (×${alert.ratio})`,
          ),
        ),
    ),
  );
  return box;
}

function heatMap(hotspots, trend) {
  const cells = new Map(hotspots.cells.map((cell) => [`${cell.province}\u0000${cell.category}`, cell]));
  const max = Math.max(1, ...hotspots.cells.map((cell) => cell.sellers));
  const table = el('table', { class: 'heat', id: 'heat-map' });
  table.append(
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { class: 'corner', text: t('province') }),
        hotspots.categories.map((id) =>
          el('th', { class: 'cat', title: id }, el('span', { text: valueLabel('category', id) })),
        ),
      ),
    ),
  );
  const body = el('tbody');
  for (const province of hotspots.provinces) {
    const row = el(
      'tr',
      {},
      el('th', { class: 'province', text: province === 'unknown' ? t('unknownProvince') : province }),
    );
    for (const category of hotspots.categories) {
      const cell = cells.get(`${province}\u0000${category}`);
      const level = cell === undefined ? 0 : Math.max(1, Math.ceil((cell.sellers / max) * 5));
      const td = el('td', {
        class: `heat-${level}`,
        'data-province': province,
        'data-category': category,
        title:
          cell === undefined
            ? `${province} × ${valueLabel('category', category)}: 0`
            : `${province} × ${valueLabel('category', category)}: ${cell.sellers} ${t('sellersUnit')} · ${cell.flaggedListings} ${t('listingsUnit')} · ${t('meanScore')} ${cell.meanScore}`,
      });
      if (cell !== undefined) {
        td.append(
          el('span', { class: 'count', text: String(cell.sellers) }),
          el('span', { class: 'mean', text: String(Math.round(cell.meanScore)) }),
        );
      }
      if (cell !== undefined) {
        td.tabIndex = 0;
        const open = () => void showTrend(trend, province, category);
        td.addEventListener('click', open);
        td.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') open();
        });
      }
      row.append(td);
    }
    body.append(row);
  }
  table.append(body);
  return table;
}

async function showTrend(box, province, category) {
  clear(box);
  box.hidden = false;
  box.append(el('h2', { text: `${t('trendTitle')}: ${province} × ${valueLabel('category', category)}` }));
  try {
    const warning = await api.earlyWarning({ province, category });
    const byDay = new Map();
    for (const count of warning.days) {
      if (count.province !== province || count.category !== category) continue;
      byDay.set(count.day, (byDay.get(count.day) ?? 0) + count.flaggedItems);
    }
    if (byDay.size === 0) {
      box.append(el('p', { class: 'muted', text: t('trendEmpty') }));
      return;
    }
    box.append(barChart(daysBetween(warning.from, warning.to), byDay));
  } catch (error) {
    showError(box, error);
  }
}

function daysBetween(from, to) {
  const days = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += 86_400_000) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

/** An SVG bar chart built with createElementNS and text nodes. */
function barChart(days, byDay) {
  const width = 720;
  const height = 180;
  const pad = 24;
  const max = Math.max(1, ...byDay.values());
  const barWidth = (width - pad * 2) / days.length;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  days.forEach((day, i) => {
    const value = byDay.get(day) ?? 0;
    const barHeight = ((height - pad * 2) * value) / max;
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(pad + i * barWidth + 1));
    rect.setAttribute('y', String(height - pad - barHeight));
    rect.setAttribute('width', String(Math.max(1, barWidth - 2)));
    rect.setAttribute('height', String(barHeight));
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${day}: ${value}`;
    rect.append(title);
    svg.append(rect);
    const last = i === days.length - 1;
    if (i === 0 || last || (i % 7 === 0 && days.length - 1 - i >= 4)) {
      const label = document.createElementNS(SVG, 'text');
      label.setAttribute('x', String(pad + i * barWidth - (last ? 12 : 0)));
      label.setAttribute('y', String(height - 6));
      label.textContent = day.slice(5);
      svg.append(label);
    }
  });
  const top = document.createElementNS(SVG, 'text');
  top.setAttribute('x', '2');
  top.setAttribute('y', String(pad - 6));
  top.textContent = String(max);
  svg.append(top);
  return svg;
}
