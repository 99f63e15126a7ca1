/* global document, URL */
// Every piece of data reaches the page through text nodes and attributes set here: never
// innerHTML. Seller-written titles, names and descriptions are hostile by assumption.

/**
 * Builds an element. `props`: class, text (textContent), on<event> handlers, and attributes;
 * children: nodes or strings (as text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (key === 'href') node.setAttribute('href', safeHref(String(value)));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Links from data may only be http(s) or in-app hashes; anything else (javascript:, data:) goes nowhere. */
export function safeHref(value) {
  if (value.startsWith('#')) return value;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

/**
 * The text with the reasons' [start, end) ranges wrapped in <mark>, as text nodes only.
 * A range whose text does not match its reason is looked up by the matched words instead.
 */
export function highlighted(text, reasons) {
  const ranges = [];
  const lower = text.toLocaleLowerCase();
  for (const reason of reasons) {
    let { start, end } = reason;
    const match = typeof reason.match === 'string' ? reason.match : '';
    const valid =
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      start >= 0 &&
      end > start &&
      end <= text.length &&
      (match === '' || text.slice(start, end).toLocaleLowerCase() === match.toLocaleLowerCase());
    if (!valid) {
      if (match === '') continue;
      start = lower.indexOf(match.toLocaleLowerCase());
      if (start < 0) continue;
      end = start + match.length;
    }
    ranges.push({ start, end, rule: reason.rule });
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range.start < last.end) {
      last.end = Math.max(last.end, range.end);
      if (!last.rule.includes(range.rule)) last.rule += `, ${range.rule}`;
    } else merged.push({ ...range });
  }
  const parts = [];
  let at = 0;
  for (const range of merged) {
    if (range.start > at) parts.push(text.slice(at, range.start));
    parts.push(el('mark', { title: range.rule, text: text.slice(range.start, range.end) }));
    at = range.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
