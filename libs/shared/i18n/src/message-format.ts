/**
 * ICU-lite message format: `{name}` placeholders, and
 * `{count, plural, one {# item} few {…} many {…} other {# items}}` / `{g, select, female {…} other {…}}`.
 * `#` inside a plural branch is the number formatted for the locale. No apostrophe quoting: catalogue
 * texts never need literal braces.
 */
export type MessagePart =
  | { type: 'text'; value: string }
  | { type: 'arg'; name: string }
  | { type: 'pound' }
  | { type: 'plural' | 'select'; name: string; branches: Record<string, MessagePart[]> };

export class MessageSyntaxError extends Error {}

export function parseMessage(source: string): MessagePart[] {
  let pos = 0;

  function parseParts(inPlural: boolean, closeOnBrace: boolean): MessagePart[] {
    const parts: MessagePart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '{') {
        flush();
        pos++;
        parts.push(parseArgument());
      } else if (ch === '}') {
        if (!closeOnBrace) throw new MessageSyntaxError(`Unexpected "}" at ${pos} in "${source}"`);
        flush();
        return parts;
      } else if (ch === '#' && inPlural) {
        flush();
        parts.push({ type: 'pound' });
        pos++;
      } else {
        text += ch;
        pos++;
      }
    }
    if (closeOnBrace) throw new MessageSyntaxError(`Missing "}" in "${source}"`);
    flush();
    return parts;
  }

  function readWord(): string {
    skipSpaces();
    const start = pos;
    while (pos < source.length && /[\w=]/.test(source[pos])) pos++;
    return source.slice(start, pos);
  }

  function skipSpaces() {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
  }

  function expect(ch: string) {
    skipSpaces();
    if (source[pos] !== ch) throw new MessageSyntaxError(`Expected "${ch}" at ${pos} in "${source}"`);
    pos++;
  }

  function parseArgument(): MessagePart {
    const name = readWord();
    if (!name) throw new MessageSyntaxError(`Empty placeholder at ${pos} in "${source}"`);
    skipSpaces();
    if (source[pos] === '}') {
      pos++;
      return { type: 'arg', name };
    }
    expect(',');
    const kind = readWord();
    if (kind !== 'plural' && kind !== 'select') {
      throw new MessageSyntaxError(`Unknown argument type "${kind}" in "${source}"`);
    }
    expect(',');
    const branches: Record<string, MessagePart[]> = {};
    for (;;) {
      skipSpaces();
      if (source[pos] === '}') {
        pos++;
        break;
      }
      const selector = readWord();
      if (!selector) throw new MessageSyntaxError(`Expected a branch name at ${pos} in "${source}"`);
      expect('{');
      branches[selector] = parseParts(kind === 'plural', true);
      expect('}');
    }
    if (!branches.other) throw new MessageSyntaxError(`"${name}" needs an "other" branch in "${source}"`);
    return { type: kind, name, branches };
  }

  return parseParts(false, false);
}

/** Every argument name a message uses, including those inside plural/select branches. */
export function messageParams(source: string): string[] {
  const names = new Set<string>();
  const walk = (parts: MessagePart[]) => {
    for (const p of parts) {
      if (p.type === 'arg') names.add(p.name);
      if (p.type === 'plural' || p.type === 'select') {
        names.add(p.name);
        Object.values(p.branches).forEach(walk);
      }
    }
  };
  walk(parseMessage(source));
  return [...names].sort();
}

/** Plural arguments and the branch names each one offers (for catalogue completeness checks). */
export function pluralBranches(source: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (parts: MessagePart[]) => {
    for (const p of parts) {
      if (p.type === 'plural') out[p.name] = Object.keys(p.branches).sort();
      if (p.type === 'plural' || p.type === 'select') Object.values(p.branches).forEach(walk);
    }
  };
  walk(parseMessage(source));
  return out;
}

export type MessageParams = Record<string, string | number>;

// Intl objects are costly to build; one per locale is enough.
const pluralRulesCache = new Map<string, Intl.PluralRules>();
const numberFormatCache = new Map<string, Intl.NumberFormat>();

export function pluralRules(locale: string): Intl.PluralRules {
  let rules = pluralRulesCache.get(locale);
  if (!rules) pluralRulesCache.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numberFormat(locale: string): Intl.NumberFormat {
  let nf = numberFormatCache.get(locale);
  if (!nf) {
    // Some browsers lack Kyrgyz number data and would print "1,855"; Kyrgyzstan and Kazakhstan group
    // digits as Russian does ("1 855").
    const usable = Intl.NumberFormat.supportedLocalesOf([locale]).length ? locale : 'ru';
    numberFormatCache.set(locale, (nf = new Intl.NumberFormat(usable)));
  }
  return nf;
}

const parsedCache = new Map<string, MessagePart[]>();

export function formatMessage(locale: string, source: string, params: MessageParams = {}): string {
  let parts = parsedCache.get(source);
  if (!parts) {
    // A plain text without braces needs no parsing (most catalogue entries).
    parts = source.includes('{') ? parseMessage(source) : [{ type: 'text', value: source }];
    parsedCache.set(source, parts);
  }
  return render(locale, parts, params, undefined);
}

function render(locale: string, parts: MessagePart[], params: MessageParams, count: number | undefined): string {
  let out = '';
  for (const p of parts) {
    switch (p.type) {
      case 'text':
        out += p.value;
        break;
      case 'pound':
        out += count === undefined ? '#' : numberFormat(locale).format(count);
        break;
      case 'arg':
        // Unknown params stay visible as {name} so a missing value is noticed, not silently blank.
        out += p.name in params ? String(params[p.name]) : `{${p.name}}`;
        break;
      case 'plural': {
        const n = Number(params[p.name]);
        const branch = p.branches[`=${n}`] ?? p.branches[pluralRules(locale).select(n)] ?? p.branches.other;
        out += render(locale, branch, params, n);
        break;
      }
      case 'select': {
        const branch = p.branches[String(params[p.name])] ?? p.branches.other;
        out += render(locale, branch, params, count);
        break;
      }
    }
  }
  return out;
}
