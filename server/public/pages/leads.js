/* global URL, window */
import { api } from '../api.js';
import { clear, el } from '../dom.js';
import { formatTime, t } from '../i18n.js';
import { showError } from '../ui.js';

const PLATFORMS = ['shopee', 'lazada', 'tiki', 'tiktok', 'web'];

/** Lead lists of a team (a team token sees its own) and takedown exports of a platform. */
export async function renderLeads(main, me) {
  if (me.role !== 'platform') {
    main.append(el('h1', { text: t('leadsTitle') }));
    const box = el('section', { class: 'card', id: 'lead-lists' });
    main.append(box);
    if (me.role === 'team') {
      if (me.scope.team) await showLists(box, me.scope.team);
      else box.append(el('p', { class: 'muted', text: t('noTeam') }));
    } else {
      const input = el('input', { id: 'team-id', placeholder: 'hn-tobacco', pattern: '[a-z0-9][a-z0-9_-]*' });
      const results = el('div');
      box.append(
        el(
          'form',
          {
            class: 'row',
            onsubmit: (event) => {
              event.preventDefault();
              if (input.value.trim() !== '') void showLists(clear(results), input.value.trim());
            },
          },
          el('label', { for: 'team-id', text: `${t('teamId')} ` }),
          input,
          el('button', { type: 'submit', class: 'primary', text: t('show') }),
        ),
        results,
      );
    }
  }
  if (me.role !== 'team') main.append(takedownBlock(me));
}

async function showLists(box, team) {
  try {
    const { lists } = await api.leadLists(team);
    if (lists.length === 0) {
      box.append(el('p', { class: 'muted', text: t('noLists') }));
      return;
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
            [t('day'), t('sellersCount'), t('producedAt'), t('download')].map((h) => el('th', { text: h })),
          ),
        ),
        el(
          'tbody',
          {},
          [...lists].reverse().map((list) =>
            el(
              'tr',
              {},
              el('td', { text: list.date }),
              el('td', { class: 'num', text: list.sellers === null ? '—' : String(list.sellers) }),
              el('td', { class: 'small', text: formatTime(list.producedAt) }),
              el(
                'td',
                { class: 'buttons' },
                list.formats.map((format) =>
                  downloadButton(
                    format.toUpperCase(),
                    () => api.download(`/leads/${encodeURIComponent(team)}/${list.date}`, { format }),
                    box,
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    showError(box, error);
  }
}

function takedownBlock(me) {
  const box = el('section', { class: 'card', id: 'takedown' }, el('h2', { text: t('takedownTitle') }));
  const platforms = me.role === 'platform' ? [me.scope.platform] : PLATFORMS;
  for (const platform of platforms) {
    box.append(
      el(
        'div',
        { class: 'row buttons' },
        el('strong', { text: platform }),
        ['csv', 'json', 'notice'].map((format) =>
          downloadButton(format.toUpperCase(), () => api.download(`/takedown/${platform}`, { format }), box),
        ),
      ),
    );
  }
  return box;
}

function downloadButton(label, fetchFile, errorBox) {
  return el('button', {
    type: 'button',
    class: 'secondary',
    text: label,
    onclick: async () => {
      try {
        const file = await fetchFile();
        const link = el('a', { download: file.filename });
        link.href = URL.createObjectURL(file.blob);
        link.click();
        window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      } catch (error) {
        showError(errorBox, error);
      }
    },
  });
}
