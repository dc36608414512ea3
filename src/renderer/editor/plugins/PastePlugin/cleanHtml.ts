/**
 * Tidies HTML from the clipboard before Lexical imports it. Lexical's own import already keeps
 * what we want (headings, lists, bold/italic/underline, links, tables) given the right nodes;
 * this turns Word's fake lists (`<p class=MsoListParagraph>` with `mso-list` styles) into real
 * lists, drops Word's list bullets and its XML bits, and removes classes and fonts.
 * Inline `style` is left for Lexical to read bold/italic from (Google Docs marks bold with
 * `font-weight:700`); the resulting text nodes have their style cleared by a transform.
 */
export function cleanPastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const body = doc.body;

  // Conditional comments and Office XML: <o:p>, <w:…>, <v:…>.
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  for (const el of Array.from(body.querySelectorAll('*'))) {
    if (el.tagName.includes(':')) unwrap(el);
  }
  for (const el of Array.from(body.querySelectorAll('style, script, meta, link, title, xml, font'))) {
    if (el.tagName === 'FONT') unwrap(el);
    else el.remove();
  }

  convertWordLists(doc);

  for (const el of Array.from(body.querySelectorAll('[class], [lang], [face], [color], [size], [align]'))) {
    el.removeAttribute('class');
    el.removeAttribute('lang');
    el.removeAttribute('face');
    el.removeAttribute('color');
    el.removeAttribute('size');
    el.removeAttribute('align');
  }
  // Keep only the inline style properties Lexical turns into formats.
  for (const el of Array.from(body.querySelectorAll<HTMLElement>('[style]'))) {
    const keep: string[] = [];
    const s = el.style;
    if (s.fontWeight) keep.push(`font-weight:${s.fontWeight}`);
    if (s.fontStyle) keep.push(`font-style:${s.fontStyle}`);
    if (s.textDecoration || s.textDecorationLine) {
      keep.push(`text-decoration:${s.textDecorationLine || s.textDecoration}`);
    }
    if (s.verticalAlign === 'sub' || s.verticalAlign === 'super') keep.push(`vertical-align:${s.verticalAlign}`);
    if (keep.length) el.setAttribute('style', keep.join(';'));
    else el.removeAttribute('style');
  }
  return body.innerHTML;
}

function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  while (el.firstChild) parent.insertBefore(el.firstChild, el);
  parent.removeChild(el);
}

/** `mso-list:l0 level2 lfo1` → { list: 'l0', level: 2 }. */
function msoListInfo(el: Element): { list: string; level: number } | null {
  const style = el.getAttribute('style') ?? '';
  const cls = el.getAttribute('class') ?? '';
  const m = /mso-list:\s*(l\d+)\s+level(\d+)/i.exec(style);
  if (m?.[1] && m[2]) return { list: m[1], level: Number(m[2]) };
  if (/MsoListParagraph/i.test(cls)) return { list: 'l?', level: 1 };
  return null;
}

/** Guess from Word's bullet text whether a list is numbered. */
function isOrderedMarker(marker: string): boolean {
  return /^\s*(\(?[0-9]+[.)]|\(?[a-zA-Z][.)]|\(?[ivxlcIVXLC]+[.)])/.test(marker);
}

function convertWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p'));
  let i = 0;
  while (i < paragraphs.length) {
    const first = paragraphs[i]!;
    const info = msoListInfo(first);
    if (!info) {
      i++;
      continue;
    }
    // Gather the run of adjacent list paragraphs.
    const run: { p: HTMLParagraphElement; level: number }[] = [];
    let node: Element | null = first;
    while (node && node.tagName === 'P' && msoListInfo(node)) {
      run.push({ p: node as HTMLParagraphElement, level: msoListInfo(node)!.level });
      node = nextElement(node);
    }
    i += Math.max(1, run.length);
    const markerOf = (p: HTMLParagraphElement): string => {
      let marker = '';
      for (const ignore of Array.from(p.querySelectorAll('[style*="mso-list"]'))) {
        if (/mso-list:\s*ignore/i.test(ignore.getAttribute('style') ?? '')) {
          marker += ignore.textContent ?? '';
          ignore.remove();
        }
      }
      return marker.replace(/\u00a0/g, ' ').trim();
    };
    const stack: { list: HTMLElement; level: number }[] = [];
    const firstMarker = markerOf(run[0]!.p);
    const root = doc.createElement(isOrderedMarker(firstMarker) ? 'ol' : 'ul');
    first.parentNode?.insertBefore(root, first);
    stack.push({ list: root, level: run[0]!.level });
    run.forEach(({ p, level }, index) => {
      const marker = index === 0 ? firstMarker : markerOf(p);
      while (stack.length > 1 && level < stack[stack.length - 1]!.level) stack.pop();
      let top = stack[stack.length - 1]!;
      if (level > top.level) {
        const nested = doc.createElement(isOrderedMarker(marker) ? 'ol' : 'ul');
        const lastLi = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
        lastLi.appendChild(nested);
        stack.push({ list: nested, level });
        top = stack[stack.length - 1]!;
      }
      const li = doc.createElement('li');
      while (p.firstChild) li.appendChild(p.firstChild);
      top.list.appendChild(li);
      p.remove();
    });
  }
}

function nextElement(el: Element): Element | null {
  let n = el.nextSibling;
  while (n && n.nodeType !== Node.ELEMENT_NODE) {
    if (n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '') return null;
    n = n.nextSibling;
  }
  return n as Element | null;
}
