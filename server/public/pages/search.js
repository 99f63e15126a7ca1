import { api, toSearch } from '../api.js';
import { clear, el } from '../dom.js';
import { formatTime, t, valueLabel } from '../i18n.js';
import { navigate, scoreBadge, showError, statusBadge } from '../ui.js';

const FACETS = ['platform', 'category', 'signal', 'province', 'status'];
const SORTS = ['score', 'lastSeen', 'firstSeen', 'flaggedListings', 'name'];

/** The search as the URL holds it, so back and forward and shared links work. */
function stateFrom(query) {
  const state = {
    q: query.get('q') ?? '',
    sort: query.get('sort') ?? 'score',
    order: query.get('order') ?? '',
  };
  for (const facet of FACETS) state[facet] = query.getAll(facet);
  state.minScore = query.get('minScore') ?? '';
  state.flagged = query.get('flagged') === 'true';
  return state;
}

function apiQuery(state, cursor) {
  const query = { q: state.q, sort: state.sort, order: state.order || undefined, limit: 25, cursor };
  for (const facet of FACETS) if (state[facet].length > 0) query[facet] = state[facet];
  if (state.minScore !== '') query.minScore = state.minScore;
  if (state.flagged) query.flagged = 'true';
  return query;
}

function go(state) {
  const query = apiQuery(state);
  delete query.limit;
  navigate(`#/search?${toSearch(query)}`);
}

export async function renderSearch(main, query) {
  const state = stateFrom(query);
  main.append(searchForm(state));
  const layout = el('div', { class: 'search-layout' });
  const facetsBox = el(
    'aside',
    { class: 'facets', id: 'facets' },
    el('p', { class: 'muted', text: t('loading') }),
  );
  const resultsBox = el('section', { class: 'results', id: 'results' });
  layout.append(facetsBox, resultsBox);
  main.append(layout);

  const result = await api.search(apiQuery(state));
  clear(facetsBox).append(...FACETS.map((facet) => facetBlock(facet, result.facets[facet], state)));
  resultsBox.append(el('p', { class: 'count', id: 'result-count', text: `${result.total} ${t('results')}` }));
  if (result.sellers.length === 0) {
    resultsBox.append(el('p', { class: 'muted', text: t('noResults') }));
    return;
  }
  const body = el('tbody');
  const table = el(
    'table',
    { class: 'sellers', id: 'seller-table' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        [
          'colScore',
          'colSeller',
          'colPlatform',
          'colProvince',
          'colCategories',
          'colFlagged',
          'colStatus',
          'colLastSeen',
        ].map((key) => el('th', { text: t(key) })),
      ),
    ),
    body,
  );
  resultsBox.append(table);
  appendRows(body, result.sellers);
  addLoadMore(resultsBox, body, state, result.nextCursor);
}

function addLoadMore(resultsBox, body, state, cursor) {
  if (cursor === undefined) return;
  const button = el('button', {
    type: 'button',
    class: 'secondary',
    id: 'load-more',
    text: t('loadMore'),
    onclick: async () => {
      button.disabled = true;
      try {
        const next = await api.search(apiQuery(state, cursor));
        appendRows(body, next.sellers);
        button.remove();
        addLoadMore(resultsBox, body, state, next.nextCursor);
      } catch (error) {
        button.disabled = false;
        showError(resultsBox, error);
      }
    },
  });
  resultsBox.append(button);
}

function appendRows(body, sellers) {
  for (const seller of sellers) {
    body.append(
      el(
        'tr',
        {},
        el('td', {}, scoreBadge(seller.score)),
        el(
          'td',
          {},
          el('a', {
            href: `#/seller/${encodeURIComponent(seller.key)}`,
            class: 'seller-link',
            text: seller.name ?? seller.key,
          }),
          el('div', { class: 'muted small', text: seller.key }),
        ),
        el('td', { text: seller.platform }),
        el('td', { text: seller.province ?? '—' }),
        el('td', { text: seller.categories.map((id) => valueLabel('category', id)).join(', ') }),
        el('td', { class: 'num', text: String(seller.flaggedListingCount) }),
        el('td', {}, statusBadge(seller.status)),
        el('td', { class: 'small', text: formatTime(seller.lastSeen) }),
      ),
    );
  }
}

function searchForm(state) {
  const q = el('input', {
    type: 'search',
    name: 'q',
    id: 'q',
    value: state.q,
    placeholder: t('searchPlaceholder'),
  });
  const sort = el(
    'select',
    { id: 'sort', name: 'sort' },
    SORTS.map((field) =>
      el('option', { value: field, selected: field === state.sort, text: t(`sort_${field}`) }),
    ),
  );
  const order = el(
    'select',
    { id: 'order', name: 'order' },
    el('option', { value: '', text: '—' }),
    el('option', { value: 'desc', selected: state.order === 'desc', text: t('orderDesc') }),
    el('option', { value: 'asc', selected: state.order === 'asc', text: t('orderAsc') }),
  );
  const minScore = el('input', { type: 'number', id: 'min-score', min: 0, max: 100, value: state.minScore });
  const flagged = el('input', { type: 'checkbox', id: 'flagged', checked: state.flagged });
  const submit = () =>
    go({
      ...state,
      q: q.value,
      sort: sort.value,
      order: order.value,
      minScore: minScore.value,
      flagged: flagged.checked,
    });
  sort.addEventListener('change', submit);
  order.addEventListener('change', submit);
  flagged.addEventListener('change', submit);
  return el(
    'form',
    {
      class: 'search-form card',
      id: 'search-form',
      onsubmit: (event) => {
        event.preventDefault();
        submit();
      },
    },
    el(
      'div',
      { class: 'row' },
      q,
      el('button', { type: 'submit', class: 'primary', text: t('searchButton') }),
    ),
    el(
      'div',
      { class: 'row options' },
      el('label', {}, `${t('sort')} `, sort),
      el('label', {}, `${t('order')} `, order),
      el('label', {}, `${t('minScore')} `, minScore),
      el('label', { class: 'check' }, flagged, ` ${t('flaggedOnly')}`),
    ),
  );
}

function facetBlock(facet, counts, state) {
  const list = el('ul');
  const selected = new Set(state[facet]);
  for (const { value, count } of counts) {
    const box = el('input', {
      type: 'checkbox',
      checked: selected.has(value),
      'data-facet': facet,
      'data-value': value,
      onchange: () => {
        const next = new Set(selected);
        if (box.checked) next.add(value);
        else next.delete(value);
        go({ ...state, [facet]: [...next] });
      },
    });
    list.append(
      el(
        'li',
        {},
        el(
          'label',
          {},
          box,
          ` ${valueLabel(facet, value)} `,
          el('span', { class: 'muted', text: `(${count})` }),
        ),
      ),
    );
  }
  return el(
    'section',
    { class: 'facet', 'data-facet': facet },
    el('h3', { text: t(`facet_${facet}`) }),
    list,
  );
}
