// An Office part is XML: it is streamed from the archive through a SAX
// parser (htmlparser2 in XML mode, already the Word reader's parser), so a
// part is never held whole, whatever its size. Elements are named without
// their namespace prefix: generators write <c>, <x:c> or <main:c> alike.
import { StringDecoder } from 'node:string_decoder';
import { Parser } from 'htmlparser2';
import type { Archive } from './unzip';

export type Attributes = Readonly<Record<string, string>>;

export interface XmlHandler {
  open?(name: string, attributes: Attributes): void;
  /** Text and CDATA, possibly in several pieces for one text node. */
  text?(text: string): void;
  close?(name: string): void;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by its name without prefix (r:id, relationships:id …). */
export function attributeOf(attributes: Attributes, name: string): string | undefined {
  const plain = attributes[name];
  if (plain !== undefined) return plain;
  for (const [k, v] of Object.entries(attributes)) if (local(k) === name) return v;
  return undefined;
}

/** An xsd:boolean attribute: "1" or "true" (some writers capitalise it). */
export function isXmlTrue(value: string | undefined): boolean {
  const v = value?.trim().toLowerCase();
  return v === '1' || v === 'true';
}

/** Parts may be UTF-8 (with or without a BOM) or UTF-16 with its BOM, as XML allows. */
function decoderFor(first: Buffer): { decoder: StringDecoder; skip: number } {
  if (first[0] === 0xff && first[1] === 0xfe) return { decoder: new StringDecoder('utf16le'), skip: 2 };
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { decoder: new StringDecoder('utf8'), skip: 3 };
  return { decoder: new StringDecoder('utf8'), skip: 0 };
}

/**
 * Elements nest this deep at most in an Office part (a sheet's cell runs at
 * 6, drawings and extensions at about 20). The parser keeps its open elements
 * in a list it shifts at every tag, so a hostile part of a million nested
 * elements would take hours: it is refused at the first element too deep.
 */
const MAX_DEPTH = 128;

/** Thrown while a part streams by: it is not the XML an Office program writes. */
export class MalformedXml extends Error {}

/** Streams one part of the archive through `handler`; rejects as `Archive.read` does, or with `MalformedXml`. */
export async function parsePart(archive: Archive, name: string, handler: XmlHandler): Promise<void> {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag: (n, a) => {
        if (++depth > MAX_DEPTH) throw new MalformedXml(name);
        handler.open?.(local(n), a);
      },
      ontext: handler.text ? (t) => handler.text!(t) : undefined,
      onclosetag: (n) => {
        depth--;
        handler.close?.(local(n));
      },
    },
    { xmlMode: true },
  );
  let decoder: StringDecoder | undefined;
  await archive.read(name, (chunk) => {
    if (!decoder) {
      const found = decoderFor(chunk);
      decoder = found.decoder;
      chunk = chunk.subarray(found.skip);
    }
    parser.write(decoder.write(chunk));
  });
  if (decoder) parser.write(decoder.end());
  parser.end();
}
