/* global URL, document, window */
import { api, ApiError } from '../api.js';
import { el, highlighted } from '../dom.js';
import { formatTime, t, valueLabel } from '../i18n.js';
import { scoreBadge, showError, statusBadge } from '../ui.js';

/** Fields of a listing or livestream that reasons point into, in reading order. */
const TEXT_FIELDS = ['title', 'brand', 'categoryPath', 'description', 'sellerName'];

export async function renderSeller(main, key) {
  const detail = await api.seller(key);
  const { seller } = detail;
  document.title = `${seller.name ?? seller.key} — ecomwatch`;
  main.append(el('a', { href: '#/search', class: 'back', text: t('back') }));
  main.append(
    el(
      'section',
      { class: 'card seller-head' },
      el('h1', { id: 'seller-name', text: seller.name ?? seller.key }),
      el(
        'dl',
        { class: 'facts' },
        fact(t('sellerKey'), el('code', { text: seller.key })),
        fact(t('score'), scoreBadge(seller.score)),
        fact(t('status'), statusBadge(seller.status), { id: 'seller-status' }),
        fact(t('province'), seller.province ?? '—'),
        fact(t('categories'), seller.categories.map((id) => valueLabel('category', id)).join(', ') || '—'),
        fact(t('signals'), seller.signals.map((id) => valueLabel('signal', id)).join(', ') || '—'),
        fact(t('firstSeen'), formatTime(seller.firstSeen)),
        fact(t('lastSeen'), formatTime(seller.lastSeen)),
      ),
    ),
  );
  main.append(caseActions(detail));
  main.append(el('h2', { text: t('listings') }));
  for (const item of detail.items) main.append(itemCard(seller.key, item));
  main.append(auditTrail(detail.history));
}

function fact(label, value, attributes = {}, width = '') {
  return el('div', { class: `fact ${width}` }, el('dt', { text: label }), el('dd', attributes, value));
}

function caseActions(detail) {
  const { seller, allowedTransitions } = detail;
  const box = el(
    'section',
    { class: 'card case-actions', id: 'case-actions' },
    el('h2', { text: t('caseActions') }),
  );
  if (allowedTransitions.length === 0) {
    const closed = seller.status === 'removed' || seller.status === 'dismissed';
    box.append(el('p', { class: 'muted', text: closed ? t('finalStatus') : t('noActions') }));
    return box;
  }
  const reason = el('textarea', {
    id: 'reason',
    rows: 3,
    required: true,
    placeholder: t('reasonPlaceholder'),
  });
  const buttons = allowedTransitions.map((to) =>
    el('button', {
      type: 'button',
      class: to === 'dismissed' ? 'secondary' : 'primary',
      'data-to': to,
      disabled: true,
      text: `${t('moveTo')}: ${t(`status_${to}`)}`,
      onclick: async (event) => {
        const button = event.currentTarget;
        const why = reason.value.trim();
        if (why === '') return;
        buttons.forEach((b) => (b.disabled = true));
        try {
          await api.setStatus(seller.key, {
            to,
            expectedStatus: seller.status,
            expectedVersion: seller.caseVersion,
            reason: why,
          });
          window.sessionStorage.setItem('ecomwatch.notice', t('statusChanged'));
          window.dispatchEvent(new window.HashChangeEvent('hashchange'));
        } catch (error) {
          button.disabled = false;
          showError(box, error);
          if (error instanceof ApiError && error.status === 409) {
            buttons.forEach((b) => (b.disabled = true));
          }
        }
      },
    }),
  );
  reason.addEventListener('input', () => {
    const empty = reason.value.trim() === '';
    buttons.forEach((b) => (b.disabled = empty));
  });
  const notice = window.sessionStorage.getItem('ecomwatch.notice');
  if (notice !== null) {
    window.sessionStorage.removeItem('ecomwatch.notice');
    box.append(el('p', { class: 'notice', role: 'status', text: notice }));
  }
  box.append(
    el('label', { for: 'reason', text: t('reasonLabel') }),
    reason,
    el('div', { class: 'buttons' }, buttons),
  );
  return box;
}

function fieldText(record, field) {
  const value = record[field];
  if (typeof value === 'string') return value;
  if (field === 'categoryPath' && Array.isArray(value)) return value.join(' / ');
  if (field === 'sellerName' && typeof record.hostName === 'string') return record.hostName;
  return undefined;
}

function itemCard(sellerKey, item) {
  const card = el('article', { class: 'card item', 'data-item': item.key });
  card.append(
    el(
      'header',
      { class: 'item-head' },
      scoreBadge(item.score),
      el('span', { class: 'muted small', text: ` ${item.kind} · ${item.key}` }),
    ),
  );
  const texts = el('div', { class: 'texts' });
  for (const field of TEXT_FIELDS) {
    const text = fieldText(item.record, field);
    if (text === undefined || text === '') continue;
    const reasons = item.reasons.filter((reason) => (reason.field ?? 'title') === field);
    const tag = field === 'title' ? 'h3' : 'p';
    texts.append(
      el(
        'div',
        { class: `field field-${field}` },
        el('span', { class: 'field-name', text: t(`field_${field}`) }),
        el(tag, { class: 'field-text' }, highlighted(text, reasons)),
      ),
    );
  }
  card.append(texts);
  card.append(
    el(
      'p',
      {},
      el('a', {
        href: item.url,
        target: '_blank',
        rel: 'noopener noreferrer',
        class: 'external',
        text: t('openListing'),
      }),
    ),
  );
  if (item.reasons.length > 0) {
    card.append(
      el('h4', { text: t('firedRules') }),
      el(
        'table',
        { class: 'reasons' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ['rule', 'weight', 'match', 'field'].map((key) => el('th', { text: t(key) })),
          ),
        ),
        el(
          'tbody',
          {},
          item.reasons.map((reason) =>
            el(
              'tr',
              {},
              el('td', {}, el('code', { text: reason.rule })),
              el('td', { class: 'num', text: String(reason.weight) }),
              el('td', {}, el('mark', { text: reason.match })),
              el('td', { text: reason.field ? t(`field_${reason.field}`) : '—' }),
            ),
          ),
        ),
      ),
    );
  }
  card.append(evidenceBlock(sellerKey, item));
  return card;
}

function evidenceBlock(sellerKey, item) {
  const box = el('div', { class: 'evidence' }, el('h4', { text: t('evidence') }));
  const evidence = item.evidence;
  if (!evidence) {
    box.append(el('p', { class: 'muted', text: t('noEvidence') }));
    return box;
  }
  box.append(
    el(
      'dl',
      { class: 'facts' },
      fact('SHA-256', el('code', { class: 'sha', text: evidence.sha256 }), {}, 'wide'),
      fact(t('capturedAt'), formatTime(evidence.capturedAt)),
      fact(
        'URL',
        el('a', { href: evidence.url, target: '_blank', rel: 'noopener noreferrer', text: evidence.url }),
      ),
    ),
  );
  const actions = el('div', { class: 'buttons' });
  const raw = el('button', {
    type: 'button',
    class: 'secondary',
    text: t('downloadRaw'),
    onclick: async () => {
      try {
        const file = await api.evidence(sellerKey, item.key, 'raw');
        const link = el('a', { download: `${evidence.sha256}.txt` });
        link.href = URL.createObjectURL(file.blob);
        link.click();
        window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        showError(box, error);
      }
    },
  });
  actions.append(raw);
  if (evidence.screenshotPath) {
    const shot = el('button', {
      type: 'button',
      class: 'secondary',
      text: t('showScreenshot'),
      onclick: async () => {
        try {
          const file = await api.evidence(sellerKey, item.key, 'screenshot');
          const image = el('img', { class: 'screenshot', alt: t('showScreenshot') });
          image.src = URL.createObjectURL(file.blob);
          shot.replaceWith(image);
        } catch (error) {
          showError(box, error);
        }
      },
    });
    actions.append(shot);
  }
  box.append(actions);
  return box;
}

function auditTrail(history) {
  const box = el('section', { class: 'card audit', id: 'audit' }, el('h2', { text: t('audit') }));
  if (history.length === 0) {
    box.append(el('p', { class: 'muted', text: t('auditEmpty') }));
    return box;
  }
  box.append(
    el(
      'table',
      {},
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ['auditAt', 'auditBy', 'auditChange', 'auditReason'].map((key) => el('th', { text: t(key) })),
        ),
      ),
      el(
        'tbody',
        {},
        [...history]
          .reverse()
          .map((event) =>
            el(
              'tr',
              {},
              el('td', { class: 'small', text: formatTime(event.at) }),
              el('td', { text: event.by }),
              el('td', {}, statusBadge(event.from), ' → ', statusBadge(event.to)),
              el('td', { class: 'audit-reason', text: event.reason }),
            ),
          ),
      ),
    ),
  );
  return box;
}
