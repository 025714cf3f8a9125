// A quick "valid as it stands" for data read against a zod schema, built once
// from that schema's own definition: the one schema stays the only statement
// of what a report is. A batch review reads thousands of report files, and
// zod's parse (its interpreter, or its generated code while V8 warms it up)
// cost ~100 µs each; this walks the same tree with small closures, calls
// zod's own check functions for lengths, ranges and formats, and answers in a
// few µs.
//
// It is conservative: it answers `true` only where zod would accept the value
// and give back a value deep-equal to it (same keys in the same order), so the
// caller may take the value as zod's output. Anything it does not model (a
// default, a transform, a trimmed string that was not trimmed, a key order
// zod would change) is "not sure", and the caller asks zod, which also words
// the issues of a value that is wrong.
import type { z } from 'zod';

/** OK: zod accepts, output equal to input. NO: zod rejects. UNSURE: ask zod. */
const OK = 0;
const NO = 1;
const UNSURE = 2;
type Verdict = typeof OK | typeof NO | typeof UNSURE;
type Check = (value: unknown) => Verdict;

/** What this module reads of zod's internals (z.core): each schema's def, traits, optionality, values and checks. */
interface Internals {
  def: {
    type: string;
    checks?: readonly CheckInternals[];
    coerce?: boolean;
    shape?: Record<string, Schema>;
    catchall?: Schema;
    innerType?: Schema;
    options?: readonly Schema[];
    keyType?: Schema;
    valueType?: Schema;
    element?: Schema;
    partial?: boolean;
    mode?: string;
  };
  traits: Set<string>;
  optin?: string;
  optout?: string;
  values?: Set<unknown>;
}
interface CheckInternals {
  _zod: {
    def: { check?: string; when?: (payload: Payload) => boolean };
    check: (payload: Payload) => unknown;
  };
}
interface Schema {
  _zod: Internals;
}
interface Payload {
  value: unknown;
  issues: unknown[];
}

/** An object as JSON.parse makes it (zod's output is one of these, whatever the input's prototype). */
const isPlain = (v: object): v is Record<string, unknown> => Object.getPrototypeOf(v) === Object.prototype;

/** Keys the way zod reads them, or undefined where it might read others (symbols, hidden keys, `__proto__`). */
function plainKeys(v: Record<string, unknown>): string[] | undefined {
  const keys = Object.keys(v);
  if (Reflect.ownKeys(v).length !== keys.length || keys.includes('__proto__')) return undefined;
  return keys;
}

/** A schema's checks (lengths, ranges, formats, refinements) run through zod's own check functions; a check that changes the value is not sure. */
function withChecks(schema: Schema, check: Check): Check {
  const own = schema._zod.traits.has('$ZodCheck') ? [schema as unknown as CheckInternals] : [];
  const checks = [...own, ...(schema._zod.def.checks ?? [])];
  if (checks.length === 0) return check;
  const primitive = ['string', 'number', 'bigint', 'boolean'].includes(schema._zod.def.type);
  // On a container, a check could rewrite (overwrite) or read a value zod would have copied: not modelled.
  if (!primitive && checks.some((c) => c._zod.def.check === 'overwrite')) return () => UNSURE;
  return (value) => {
    const verdict = check(value);
    if (verdict !== OK) return verdict;
    const payload: Payload = { value, issues: [] };
    for (const c of checks) {
      const when = c._zod.def.when;
      if (when && !when(payload)) continue;
      if (c._zod.check(payload) instanceof Promise) return UNSURE;
      if (payload.issues.length > 0 || payload.value !== value) return UNSURE;
    }
    return OK;
  };
}

function objectCheck(schema: Schema): Check {
  const { shape = {}, catchall } = schema._zod.def;
  // Unknown keys: refused (strict) or dropped (strip) by zod; either way this answers "not sure" and zod decides.
  if (catchall && catchall._zod.def.type !== 'never') return () => UNSURE;
  const keys = Object.keys(shape);
  const order = new Map(keys.map((k, i) => [k, i]));
  const fields = keys.map((k) => ({
    key: k,
    check: compile(shape[k]!),
    optional: shape[k]!._zod.optin === 'optional' && shape[k]!._zod.optout === 'optional',
  }));
  const required = fields.filter((f) => !f.optional).map((f) => f.key);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO;
    if (!isPlain(value)) return UNSURE;
    let last = -1;
    let count = 0;
    for (const key in value) {
      count++;
      const at = order.get(key);
      // A key zod does not know, or one out of the schema's order (zod writes its output in the schema's order).
      if (at === undefined || at < last) return UNSURE;
      last = at;
      const v = value[key];
      if (v === undefined) return UNSURE;
      const verdict = fields[at]!.check(v);
      if (verdict !== OK) return verdict === NO ? NO : UNSURE;
    }
    for (const key of required) if (!(key in value)) return UNSURE;
    // A symbol or hidden key: zod neither reads nor copies it, so its output would differ.
    return Reflect.ownKeys(value).length === count ? OK : UNSURE;
  };
}

function recordCheck(schema: Schema): Check {
  const { keyType, valueType, partial, mode } = schema._zod.def;
  // An enum-keyed record that must have every key, or one that passes unknown keys through: not modelled.
  if (!keyType || !valueType || mode === 'loose' || (keyType._zod.values && !partial)) return () => UNSURE;
  const key = compile(keyType);
  const item = compile(valueType);
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return NO;
    if (!isPlain(value)) return UNSURE;
    const given = plainKeys(value);
    if (!given) return UNSURE;
    for (const k of given) {
      const v = value[k];
      if (key(k) !== OK || v === undefined || item(v) !== OK) return UNSURE;
    }
    return OK;
  };
}

function arrayCheck(schema: Schema): Check {
  const item = compile(schema._zod.def.element!);
  return (value) => {
    if (!Array.isArray(value)) return NO;
    // A sparse array's holes read as undefined, which zod copies as undefined: not sure.
    for (let i = 0; i < value.length; i++) if (!(i in value) || item(value[i]) !== OK) return UNSURE;
    return OK;
  };
}

function unionCheck(schema: Schema): Check {
  const options = (schema._zod.def.options ?? []).map(compile);
  // zod takes the first option that accepts: an earlier option that might accept (and give another value) makes the answer unsure.
  return (value) => {
    for (const option of options) {
      const verdict = option(value);
      if (verdict !== NO) return verdict;
    }
    return NO;
  };
}

function bare(schema: Schema): Check {
  const { type, coerce, innerType } = schema._zod.def;
  if (coerce) return () => UNSURE;
  switch (type) {
    case 'string':
      return (v) => (typeof v === 'string' ? OK : NO);
    case 'number':
      return (v) => (typeof v !== 'number' ? NO : Number.isFinite(v) ? OK : NO);
    case 'boolean':
      return (v) => (typeof v === 'boolean' ? OK : NO);
    case 'null':
      return (v) => (v === null ? OK : NO);
    case 'literal':
    case 'enum': {
      const values = schema._zod.values;
      return values ? (v) => (values.has(v) ? OK : NO) : () => UNSURE;
    }
    case 'optional': {
      // A present undefined is kept as a present undefined by zod; the caller's data has none, so it is left to zod.
      const inner = compile(innerType!);
      return (v) => (v === undefined ? UNSURE : inner(v));
    }
    case 'union':
      return unionCheck(schema);
    case 'object':
      return objectCheck(schema);
    case 'record':
      return recordCheck(schema);
    case 'array':
      return arrayCheck(schema);
    default:
      return () => UNSURE;
  }
}

const compiled = new WeakMap<Schema, Check>();

function compile(schema: Schema): Check {
  let check = compiled.get(schema);
  if (!check) {
    // Set before the children are compiled: a schema that contains itself is not sure (and never loops).
    compiled.set(schema, () => UNSURE);
    check = withChecks(schema, bare(schema));
    compiled.set(schema, check);
  }
  return check;
}

/**
 * A test that a value is one `schema` accepts as it stands — zod's output would
 * equal it — built once; `false` means "ask zod" (it may still be valid).
 */
export function acceptsAsIs<S extends z.ZodType>(schema: S): (value: unknown) => value is z.output<S> {
  const check = compile(schema as unknown as Schema);
  return (value): value is z.output<S> => check(value) === OK;
}
