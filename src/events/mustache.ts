// The small part of mustache the SAM event templates use, applied to a parsed template rather than to its text.
//
// SAM renders `json.dumps(template)` as text with chevron and parses the result, so a value holding a quote or a
// backslash breaks its JSON. Substituting inside the parsed strings gives the same event for every value SAM can
// handle, and a correct one for the values it cannot.
import { htmlEscape } from './encodings';

const TAG = /\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{\s*(&?)\s*([^}]*?)\s*\}\}/g;
const WHOLE_TRIPLE_TAG = /^\{\{\{\s*([^}]*?)\s*\}\}\}$/;

/**
 * Substitutes `{{{tag}}}` (raw), `{{&tag}}` (raw) and `{{tag}}` (HTML-escaped, as chevron does) in every string of
 * `template`. Unknown tags become empty strings, as in mustache. A string that is exactly `{{{tag}}}` for a tag in
 * `jsonValues` is replaced by that value itself (SAM's `type: dict` parameters).
 */
export function renderTemplate(template: unknown, values: Readonly<Record<string, string>>,
  jsonValues: Readonly<Record<string, unknown>> = {}): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE_TRIPLE_TAG.exec(template);
    if (whole && Object.hasOwn(jsonValues, whole[1])) return jsonValues[whole[1]];
    return template.includes('{{') ? substitute(template, values) : template;
  }
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, values, jsonValues));
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(template)) out[key] = renderTemplate(item, values, jsonValues);
    return out;
  }
  return template;
}

function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(TAG, (_match, triple: string | undefined, ampersand: string, double: string) => {
    if (triple !== undefined) return lookup(values, triple);
    const value = lookup(values, double);
    return ampersand ? value : htmlEscape(value);
  });
}

function lookup(values: Readonly<Record<string, string>>, name: string): string {
  return Object.hasOwn(values, name) ? values[name] : '';
}
