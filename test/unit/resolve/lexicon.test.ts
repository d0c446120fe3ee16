import * as fs from 'fs';
import { buildLexicon, parseLexicon } from '../../../src/ingest/resolve/lexicon';
import { InputError } from '../../../src/model';
import { FIXTURE_LEXICON, SEED_LEXICON } from '../extract/support';

const text = (entries: unknown[]): string => JSON.stringify({ version: 1, entries }, null, 2);

function errorOf(json: string): InputError {
  try {
    parseLexicon(json, 'lex.json');
  } catch (error) {
    return error as InputError;
  }
  throw new Error('expected an error');
}

describe('parseLexicon', () => {
  it('loads entries with defaults', () => {
    const lexicon = parseLexicon(text([{ name: 'BERT', kind: 'MODEL' }]), 'lex.json');
    expect(lexicon.entries).toHaveLength(1);
    expect(lexicon.entries[0]).toMatchObject({
      name: 'BERT',
      kind: 'MODEL',
      aliases: [],
      parents: [],
    });
    expect(lexicon.warnings).toEqual([]);
  });

  it('names the entry index, field and line of a bad kind', () => {
    const json = text([
      { name: 'BERT', kind: 'MODEL' },
      { name: 'Adam', kind: 'OPTIMIZER' },
    ]);
    const error = errorOf(json);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('entries[1].kind');
    expect(error.message).toContain('OPTIMIZER');
    expect(error.line).toBe(json.split('\n').findIndex((l) => l.includes('"Adam"')));
  });

  it.each([
    [{ kind: 'MODEL' }, 'entries[0].name'],
    [{ name: ' ', kind: 'MODEL' }, 'entries[0].name'],
    [{ name: 'X', kind: 'MODEL', aliases: 'Y' }, 'entries[0].aliases'],
    [{ name: 'X', kind: 'MODEL', aliases: ['Y', 3] }, 'entries[0].aliases[1]'],
    [
      { name: 'X', kind: 'MODEL', parents: [{ name: 'Y', relation: 'CHILD_OF' }] },
      'entries[0].parents[0].relation',
    ],
    [
      { name: 'X', kind: 'MODEL', parents: [{ relation: 'EXTENDS' }] },
      'entries[0].parents[0].name',
    ],
    [{ name: 'X', kind: 'MODEL', description: 5 }, 'entries[0].description'],
    ['BERT', 'entries[0]'],
  ])('rejects %j naming %s', (entry, field) => {
    expect(errorOf(text([entry])).message).toContain(field);
  });

  it('rejects a wrong version, a missing entries array and broken JSON', () => {
    expect(errorOf(JSON.stringify({ version: 2, entries: [] })).message).toContain('version');
    expect(errorOf(JSON.stringify({ version: 1 })).message).toContain('entries');
    expect(errorOf('{ "version": 1, ').message).toContain('invalid JSON');
  });

  it('rejects two entries with one name', () => {
    const error = errorOf(
      text([
        { name: 'BERT', kind: 'MODEL' },
        { name: 'bert', kind: 'MODEL' },
      ]),
    );
    expect(error.message).toContain('entries[1].name');
    expect(error.message).toContain('entries[0]');
  });

  it('warns about unknown parents, shared aliases and unknown fields, and keeps the entries', () => {
    const lexicon = parseLexicon(
      text([
        { name: 'BERT', kind: 'MODEL', aliases: ['BRT'] },
        {
          name: 'BEiT',
          kind: 'MODEL',
          aliases: ['BRT'],
          parents: [{ name: 'Nope', relation: 'EXTENDS' }],
        },
        { name: 'X', kind: 'METHOD', note: 'hi' },
      ]),
      'lex.json',
    );
    const messages = lexicon.warnings.map((w) => w.message).join('\n');
    expect(messages).toContain('entries[1].parents: "Nope" is not a lexicon entry');
    expect(messages).toContain('entries[1].aliases: "BRT" already names "BERT"');
    expect(messages).toContain('entries[2].note: unknown field');
    expect(lexicon.lookup('BRT')?.name).toBe('BERT');
    expect(lexicon.entries[1].parents).toEqual([]);
  });
});

describe('lookup', () => {
  const lexicon = buildLexicon([
    { name: 'MAE', kind: 'METHOD', aliases: ['Masked Autoencoder'] },
    { name: 'CASE', kind: 'METHOD' },
    { name: 'Transformer', kind: 'METHOD' },
    { name: 'BEiT', kind: 'MODEL', parents: [{ name: 'transformer', relation: 'EXTENDS' }] },
  ]);

  it('finds names, aliases and their plural, hyphen and case variants', () => {
    expect(lexicon.lookup('Masked Autoencoders')?.name).toBe('MAE');
    expect(lexicon.lookup('masked auto-encoder')?.name).toBe('MAE');
    expect(lexicon.lookup('MAEs')?.name).toBe('MAE');
    expect(lexicon.lookup('transformers')?.name).toBe('Transformer');
  });

  it('matches short all-caps names only in capitals', () => {
    expect(lexicon.lookup('CASE')?.name).toBe('CASE');
    expect(lexicon.lookup('case')).toBeUndefined();
    expect(lexicon.lookup('mae')).toBeUndefined();
  });

  it('resolves parents to canonical spellings', () => {
    expect(lexicon.byName('BEiT')?.parents).toEqual([{ name: 'Transformer', relation: 'EXTENDS' }]);
    expect(lexicon.byName('beit')).toBeUndefined();
  });
});

describe('shipped lexicons', () => {
  it('the test fixture lexicon is valid', () => {
    expect(() =>
      parseLexicon(fs.readFileSync(FIXTURE_LEXICON, 'utf8'), FIXTURE_LEXICON),
    ).not.toThrow();
  });

  const seedLexicon = fs.existsSync(SEED_LEXICON) ? it : it.skip;
  seedLexicon('seeds/lexicon.json is valid', () => {
    const lexicon = parseLexicon(fs.readFileSync(SEED_LEXICON, 'utf8'), SEED_LEXICON);
    expect(lexicon.entries.length).toBeGreaterThan(0);
  });
});
