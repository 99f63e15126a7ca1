/* global window, HashChangeEvent */
import { el } from './dom.js';
import { t } from './i18n.js';

/** Goes to an in-app page; re-renders when already there. */
export function navigate(hash) {
  if (window.location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = hash;
}

export function showError(container, error) {
  const message = error instanceof Error ? error.message : String(error);
  container.append(el('p', { class: 'error', role: 'alert', text: `${t('errorPrefix')}: ${message}` }));
}

export function statusBadge(status) {
  return el('span', { class: `badge status-${status}`, text: t(`status_${status}`) });
}

export function scoreBadge(score) {
  const level = score >= 80 ? 'high' : score >= 50 ? 'mid' : 'low';
  return el('span', { class: `score score-${level}`, text: String(score) });
}
