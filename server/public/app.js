/* global document, window, URLSearchParams */
import { api, ApiError, session } from './api.js';
import { clear, el } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { renderHotspots } from './pages/hotspots.js';
import { renderLeads } from './pages/leads.js';
import { renderSearch } from './pages/search.js';
import { renderSeller } from './pages/seller.js';
import { navigate, showError } from './ui.js';

let me = null;

/** Hash routes: #/search?…, #/seller/<key>, #/hotspots. */
function route() {
  const hash = window.location.hash.replace(/^#/, '') || '/search';
  const [path, query = ''] = hash.split('?');
  return { path, query: new URLSearchParams(query) };
}

async function render() {
  document.documentElement.lang = language();
  const main = clear(document.getElementById('main'));
  renderHeader();
  if (!session.token()) return renderSignIn(main);
  if (me === null) {
    try {
      me = await api.me();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        session.clear();
        return renderSignIn(main, t('signInFailed'));
      }
      return showError(main, error);
    }
    renderHeader();
  }
  const { path, query } = route();
  try {
    if (path.startsWith('/seller/'))
      await renderSeller(main, decodeURIComponent(path.slice('/seller/'.length)), me);
    else if (path === '/hotspots') await renderHotspots(main, me);
    else if (path === '/leads' || me.role === 'platform') await renderLeads(main, me);
    else await renderSearch(main, query, me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      session.clear();
      me = null;
      return renderSignIn(clear(main), t('signInFailed'));
    }
    showError(main, error);
  }
}

function renderHeader() {
  document.title = `ecomwatch — ${t('tagline')}`;
  const nav = clear(document.getElementById('nav'));
  const sessionBox = clear(document.getElementById('session'));
  const { path } = route();
  if (session.token() && me !== null) {
    const current = path.startsWith('/seller/') ? '/search' : path;
    const link = (hash, key) =>
      el('a', { href: hash, class: current === hash.slice(1) ? 'active' : '', text: t(key) });
    if (me.role !== 'platform') nav.append(link('#/search', 'navSearch'), link('#/hotspots', 'navHotspots'));
    nav.append(link('#/leads', me.role === 'platform' ? 'navTakedown' : 'navLeads'));
  }
  if (me !== null) {
    sessionBox.append(
      el('span', { class: 'who', text: `${t('signedInAs')} ${me.name} (${t(`role_${me.role}`)})` }),
    );
  }
  sessionBox.append(
    el('button', {
      type: 'button',
      class: 'link',
      id: 'lang',
      text: t('language'),
      onclick: () => {
        setLanguage(language() === 'vi' ? 'en' : 'vi');
        void render();
      },
    }),
  );
  if (session.token()) {
    sessionBox.append(
      el('button', {
        type: 'button',
        class: 'link',
        id: 'sign-out',
        text: t('signOut'),
        onclick: () => {
          session.clear();
          me = null;
          navigate('#/search');
        },
      }),
    );
  }
}

function renderSignIn(main, failure) {
  const input = el('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    required: true,
    spellcheck: 'false',
  });
  const form = el(
    'form',
    {
      class: 'card signin',
      id: 'signin',
      onsubmit: (event) => {
        event.preventDefault();
        const token = input.value.trim();
        if (token === '') return;
        session.set(token);
        me = null;
        void render();
      },
    },
    el('h1', { text: t('signInTitle') }),
    el('p', { class: 'muted', text: t('signInHelp') }),
    el('label', { for: 'token', text: t('tokenLabel') }),
    input,
    failure ? el('p', { class: 'error', role: 'alert', text: failure }) : null,
    el('button', { type: 'submit', class: 'primary', text: t('signInButton') }),
  );
  main.append(form);
  input.focus();
}

window.addEventListener('hashchange', () => void render());
void render();
