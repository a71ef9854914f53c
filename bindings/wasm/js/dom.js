// Small DOM helpers: elements are built with textContent only; the one place
// HTML text is parsed is fromTrustedHtml(), whose input is produced by the
// tiepcan core renderer, which escapes every piece of data.
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

/** Parse HTML made by the core renderer (escaped by construction). */
export function fromTrustedHtml(html) {
  const t = document.createElement('template');
  t.innerHTML = html; // data inside is escaped by tiepcan::render
  return t.content;
}

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
