/* global fetch, sessionStorage, URLSearchParams */
// The API with the signed-in token. The token lives in this tab's sessionStorage only.

const KEY = 'ecomwatch.token';

export class ApiError extends Error {
  constructor(status, body) {
    super(body && typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.code = body && typeof body.error === 'string' ? body.error : 'http';
  }
}

export const session = {
  token: () => sessionStorage.getItem(KEY),
  set: (token) => sessionStorage.setItem(KEY, token),
  clear: () => sessionStorage.removeItem(KEY),
};

async function request(method, path, { query, body } = {}) {
  const headers = { accept: 'application/json' };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const search = query ? `?${toSearch(query)}` : '';
  const response = await fetch(`/api${path}${search}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response;
}

async function json(method, path, options) {
  const response = await request(method, path, options);
  const text = await response.text();
  const parsed = text === '' ? undefined : JSON.parse(text);
  if (!response.ok) throw new ApiError(response.status, parsed);
  return parsed;
}

export function toSearch(query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, item));
    else params.append(key, String(value));
  }
  return params.toString();
}

const seller = (key) => `/sellers/${encodeURIComponent(key)}`;

export const api = {
  me: () => json('GET', '/me'),
  search: (query) => json('GET', '/sellers', { query }),
  seller: (key) => json('GET', seller(key)),
  audit: (key) => json('GET', `${seller(key)}/audit`),
  setStatus: (key, change) => json('POST', `${seller(key)}/status`, { body: change }),
  hotspots: () => json('GET', '/hotspots'),
  earlyWarning: (query) => json('GET', '/early-warning', { query }),
  leadLists: (team) => json('GET', `/leads/${encodeURIComponent(team)}`),
  /** A lead list or takedown export as a Blob and the name the server gave it. */
  async download(path, query) {
    const response = await request('GET', path, { query });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => undefined));
    const disposition = response.headers.get('content-disposition') ?? '';
    const name = /filename="([^"]+)"/.exec(disposition);
    return { blob: await response.blob(), filename: name ? name[1] : 'download' };
  },
  /** An evidence file as a Blob (it needs the bearer header, so no plain link). */
  async evidence(sellerKey, itemKey, kind) {
    const response = await request(
      'GET',
      `${seller(sellerKey)}/items/${encodeURIComponent(itemKey)}/evidence/${kind}`,
    );
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => undefined));
    return {
      blob: await response.blob(),
      sha256: response.headers.get('x-evidence-sha256'),
      intact: response.headers.get('x-evidence-intact'),
    };
  },
};
