import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  AliasIndex,
  GoldFile,
  PredictedFile,
  formatReport,
  main,
  normalizeName,
  normalizeTitle,
  parseGold,
  parsePredicted,
  scoreExtraction,
} from '../../../bench/extraction/score';
import { InputError } from '../../../src/model';

const BENCH = path.join(__dirname, '../../../bench/extraction');

/** A small gold paper in the shape of BEiT. */
const beitGold: GoldFile = {
  papers: [
    {
      title: 'BEiT: BERT Pre-Training of Image Transformers',
      mentions: [
        { name: 'BEiT', kind: 'MODEL', role: 'INTRODUCES' },
        { name: 'BERT', kind: 'MODEL', role: 'USES' },
        { name: 'ImageNet-1K', kind: 'DATASET', role: 'EVALUATES_ON' },
        { name: 'image classification', kind: 'TASK', role: 'ADDRESSES' },
        { name: 'DeiT', kind: 'MODEL', role: 'COMPARES_WITH' },
      ],
    },
  ],
  lineage: [{ child: 'BEiT', parent: 'BERT', relation: 'EXTENDS' }],
};

const beitPredicted: PredictedFile = {
  papers: [
    {
      title: 'BEiT: BERT pre-training of image transformers',
      mentions: [
        { name: 'beit', kind: 'MODEL', role: 'INTRODUCES', evidence: 'We introduce ... BEiT' },
        { name: 'BERT', kind: 'MODEL', role: 'COMPARES_WITH', evidence: 'Following BERT' },
        { name: 'ImageNet 1K', kind: 'DATASET', role: 'EVALUATES_ON', evidence: '...' },
        { name: 'GPU', kind: 'METHOD', role: 'USES', evidence: '...' },
        { name: 'image classification', kind: 'TASK', role: 'ADDRESSES', evidence: '...' },
      ],
    },
  ],
  lineage: [{ child: 'BEiT', parent: 'BERT', relation: 'EXTENDS', evidence: '...' }],
};

describe('normalisation', () => {
  it('ignores case, spaces, hyphens, punctuation and a plural s', () => {
    expect(normalizeName('ImageNet-1K')).toBe(normalizeName('imagenet 1k'));
    expect(normalizeName('Masked Autoencoders')).toBe(normalizeName('masked autoencoder'));
    expect(normalizeName('wav2vec 2.0')).toBe(normalizeName('Wav2Vec-20'));
    expect(normalizeName('Crosscoders')).toBe('crosscoder');
  });

  it('keeps "+" so that EViP++ is not EViP', () => {
    expect(normalizeName('EViP++')).not.toBe(normalizeName('EViP'));
  });

  it('does not strip the s of a short name or of -ss', () => {
    expect(normalizeName('GPS')).toBe('gps');
    expect(normalizeName('Contrastive Loss')).toBe('contrastiveloss');
  });

  it('normalises titles and drops a glued "Subscribe" prefix', () => {
    expect(normalizeTitle('SubscribeBLSP: Bootstrapping')).toBe(
      normalizeTitle('BLSP - bootstrapping'),
    );
  });

  it('groups aliases into classes, transitively', () => {
    const index = new AliasIndex(
      { ViT: ['Vision Transformer'] },
      { 'vision-transformer': ['ViT-L'] },
    );
    expect(index.key('ViT-L')).toBe(index.key('vit'));
    expect(index.key('BERT')).toBe('bert');
  });
});

describe('scoreExtraction', () => {
  it('scores links with and without role, and named entities', () => {
    const r = scoreExtraction(beitGold, beitPredicted);
    // (a): BEiT, BERT, ImageNet-1K, image classification found; DeiT missed; GPU spurious
    expect(r.links).toMatchObject({
      goldTotal: 5,
      goldMatched: 4,
      predictedTotal: 5,
      predictedMatched: 4,
    });
    expect(r.links.precision).toBeCloseTo(0.8);
    expect(r.links.recall).toBeCloseTo(0.8);
    expect(r.links.f1).toBeCloseTo(0.8);
    // (b): BERT has the wrong role
    expect(r.linksWithRole).toMatchObject({
      goldTotal: 5,
      goldMatched: 3,
      predictedTotal: 5,
      predictedMatched: 3,
    });
    expect(r.linksWithRole.precision).toBeCloseTo(0.6);
    // (c): no TASK on either side
    expect(r.namedEntities).toMatchObject({
      goldTotal: 4,
      goldMatched: 3,
      predictedTotal: 4,
      predictedMatched: 3,
    });
    expect(r.namedEntities.recall).toBeCloseTo(0.75);
    // per role and kind
    expect(r.byRole.USES).toMatchObject({
      goldTotal: 1,
      goldMatched: 0,
      predictedTotal: 1,
      predictedMatched: 0,
    });
    expect(r.byRole.COMPARES_WITH).toMatchObject({
      goldTotal: 1,
      goldMatched: 0,
      predictedTotal: 1,
      predictedMatched: 0,
    });
    expect(r.byKind.MODEL).toMatchObject({
      goldTotal: 3,
      goldMatched: 2,
      predictedTotal: 2,
      predictedMatched: 2,
    });
    expect(r.byKind.METHOD).toMatchObject({ goldTotal: 0, predictedTotal: 1, predictedMatched: 0 });
    expect(r.kindAgreement).toEqual({ matched: 4, agree: 4, rate: 1 });
    expect(r.papers).toMatchObject({ gold: 1, predicted: 1, matched: 1 });
  });

  it('lists false positives and negatives per paper', () => {
    const [d] = scoreExtraction(beitGold, beitPredicted).perPaper;
    expect(d.predicted).toBe(true);
    expect(d.missedEntities.map((m) => m.name)).toEqual(['DeiT']);
    expect(d.spuriousEntities.map((m) => m.name)).toEqual(['GPU']);
    expect(d.missedLinks.map((m) => `${m.name}/${m.role}`)).toEqual([
      'BERT/USES',
      'DeiT/COMPARES_WITH',
    ]);
    expect(d.spuriousLinks.map((m) => `${m.name}/${m.role}`)).toEqual([
      'BERT/COMPARES_WITH',
      'GPU/USES',
    ]);
    expect(d.roleConfusions).toEqual([
      { name: 'BERT', gold: ['USES'], predicted: ['COMPARES_WITH'] },
    ]);
  });

  it('counts a predicted TASK for a gold METHOD as a named-entity miss only', () => {
    const gold: GoldFile = {
      papers: [
        {
          title: 'T',
          mentions: [{ name: 'Knowledge Distillation', kind: 'METHOD', role: 'USES' }],
        },
      ],
      lineage: [],
    };
    const pred: PredictedFile = {
      papers: [
        {
          title: 'T',
          mentions: [{ name: 'knowledge distillation', kind: 'TASK', role: 'ADDRESSES' }],
        },
      ],
    };
    const r = scoreExtraction(gold, pred);
    expect(r.links).toMatchObject({ goldMatched: 1, predictedMatched: 1 });
    expect(r.namedEntities).toMatchObject({ goldTotal: 1, goldMatched: 0, predictedTotal: 0 });
    expect(r.namedEntities.precision).toBe(1);
    expect(r.namedEntities.recall).toBe(0);
    expect(r.kindAgreement).toEqual({ matched: 1, agree: 0, rate: 0 });
  });

  it('uses the caller alias map, the gold alias map and per-mention aliases', () => {
    const gold: GoldFile = {
      papers: [
        {
          title: 'P1',
          mentions: [
            { name: 'Masked Language Modeling', kind: 'METHOD', role: 'USES' },
            { name: 'BERT', kind: 'MODEL', role: 'USES', aliases: ['BERT-Base'] },
            { name: 'Direct Preference Optimization', kind: 'METHOD', role: 'USES' },
          ],
        },
        { title: 'P2', mentions: [{ name: 'BERT', kind: 'MODEL', role: 'USES' }] },
      ],
      lineage: [],
      aliases: { 'Direct Preference Optimization': ['DPO'] },
    };
    const pred: PredictedFile = {
      papers: [
        {
          title: 'P1',
          mentions: [
            { name: 'MLM', kind: 'METHOD', role: 'USES' },
            { name: 'BERT-Base', kind: 'MODEL', role: 'USES' },
            { name: 'DPO', kind: 'METHOD', role: 'USES' },
          ],
        },
        // the per-mention alias of P1 does not apply to P2
        { title: 'P2', mentions: [{ name: 'BERT-Base', kind: 'MODEL', role: 'USES' }] },
      ],
    };
    const without = scoreExtraction(gold, pred);
    expect(without.links).toMatchObject({
      goldTotal: 4,
      goldMatched: 2,
      predictedTotal: 4,
      predictedMatched: 2,
    });
    const withMap = scoreExtraction(gold, pred, {
      aliases: { 'Masked Language Modeling': ['MLM'] },
    });
    expect(withMap.links).toMatchObject({
      goldTotal: 4,
      goldMatched: 3,
      predictedTotal: 4,
      predictedMatched: 3,
    });
    expect(withMap.perPaper[1].missedEntities.map((m) => m.name)).toEqual(['BERT']);
    expect(withMap.perPaper[1].spuriousEntities.map((m) => m.name)).toEqual(['BERT-Base']);
  });

  it('counts two surface forms of one gold entity as correct, but recalls it once', () => {
    const gold: GoldFile = {
      papers: [
        {
          title: 'T',
          mentions: [{ name: 'ViT', kind: 'MODEL', role: 'USES', aliases: ['ViT-L'] }],
        },
      ],
      lineage: [],
    };
    const pred: PredictedFile = {
      papers: [
        {
          title: 'T',
          mentions: [
            { name: 'ViT', kind: 'MODEL', role: 'USES' },
            { name: 'ViT-L', kind: 'MODEL', role: 'USES' },
            { name: 'vit', kind: 'MODEL', role: 'USES' },
          ],
        },
      ],
    };
    const r = scoreExtraction(gold, pred);
    // "ViT" and "vit" are one predicted entity; "ViT-L" is another that names the same gold one
    expect(r.links).toMatchObject({
      goldTotal: 1,
      goldMatched: 1,
      predictedTotal: 2,
      predictedMatched: 2,
    });
    expect(r.linksWithRole).toMatchObject({
      goldTotal: 1,
      goldMatched: 1,
      predictedTotal: 2,
      predictedMatched: 2,
    });
  });

  it('scores an entity with two gold roles per role', () => {
    const gold: GoldFile = {
      papers: [
        {
          title: 'T',
          mentions: [
            { name: 'MiniGPT-4', kind: 'MODEL', role: 'USES' },
            { name: 'MiniGPT-4', kind: 'MODEL', role: 'COMPARES_WITH' },
          ],
        },
      ],
      lineage: [],
    };
    const pred: PredictedFile = {
      papers: [
        { title: 'T', mentions: [{ name: 'MiniGPT-4', kind: 'MODEL', role: 'COMPARES_WITH' }] },
      ],
    };
    const r = scoreExtraction(gold, pred);
    expect(r.links).toMatchObject({
      goldTotal: 1,
      goldMatched: 1,
      predictedTotal: 1,
      predictedMatched: 1,
    });
    expect(r.linksWithRole).toMatchObject({
      goldTotal: 2,
      goldMatched: 1,
      predictedTotal: 1,
      predictedMatched: 1,
    });
    expect(r.linksWithRole.recall).toBeCloseTo(0.5);
    expect(r.linksWithRole.precision).toBe(1);
  });

  it('scores lineage as corpus-level pairs, with and without relation', () => {
    const gold: GoldFile = {
      papers: [],
      lineage: [
        { child: 'BEiT', parent: 'BERT', relation: 'EXTENDS' },
        { child: 'Fast-HuBERT', parent: 'HuBERT', relation: 'VARIANT_OF' },
        { child: 'Llama-3-Physician', parent: 'Llama-3-8B', relation: 'FINETUNED_FROM' },
      ],
    };
    const pred: PredictedFile = {
      papers: [],
      lineage: [
        { child: 'beit', parent: 'bert', relation: 'EXTENDS' },
        { child: 'BEiT', parent: 'BERT', relation: 'EXTENDS' },
        { child: 'Fast HuBERT', parent: 'HuBERT', relation: 'EXTENDS' },
        { child: 'A', parent: 'B', relation: 'COMBINES' },
      ],
    };
    const r = scoreExtraction(gold, pred);
    expect(r.lineage).toMatchObject({
      goldTotal: 3,
      goldMatched: 2,
      predictedTotal: 3,
      predictedMatched: 2,
    });
    expect(r.lineageWithRelation).toMatchObject({
      goldTotal: 3,
      goldMatched: 1,
      predictedTotal: 3,
      predictedMatched: 1,
    });
    expect(r.lineageErrors.missed.map((e) => e.child)).toEqual(['Llama-3-Physician']);
    expect(r.lineageErrors.spurious.map((e) => e.child)).toEqual(['A']);
    // direction matters
    const reversed = scoreExtraction(gold, {
      papers: [],
      lineage: [{ child: 'BERT', parent: 'BEiT', relation: 'EXTENDS' }],
    });
    expect(reversed.lineage.goldMatched).toBe(0);
  });

  it('misses every mention of an unpredicted paper and ignores predicted papers not in gold', () => {
    const gold: GoldFile = {
      papers: [
        ...beitGold.papers,
        {
          title: 'VILA: On Pre-training for Visual Language Models',
          mentions: [{ name: 'VILA', kind: 'MODEL', role: 'INTRODUCES' }],
        },
      ],
      lineage: [],
    };
    const pred: PredictedFile = {
      papers: [
        ...beitPredicted.papers,
        { title: 'Some other paper', mentions: [{ name: 'X', kind: 'MODEL', role: 'USES' }] },
      ],
    };
    const r = scoreExtraction(gold, pred);
    expect(r.papers).toEqual({
      gold: 2,
      predicted: 2,
      matched: 1,
      missingFromPrediction: ['VILA: On Pre-training for Visual Language Models'],
      notInGold: ['Some other paper'],
    });
    expect(r.links).toMatchObject({
      goldTotal: 6,
      goldMatched: 4,
      predictedTotal: 5,
      predictedMatched: 4,
    });
    expect(r.perPaper[1]).toMatchObject({ predicted: false, missedEntities: [{ name: 'VILA' }] });
  });

  it('gives precision 1 and recall 0 when nothing is predicted', () => {
    const r = scoreExtraction(beitGold, { papers: [] });
    expect(r.links).toMatchObject({ precision: 1, recall: 0, f1: 0, goldTotal: 5 });
    expect(r.lineage).toMatchObject({ precision: 1, recall: 0, f1: 0 });
  });

  it.each(['gold-seed.json', 'gold-heldout.json'])(
    'is perfect when the prediction is %s',
    (file) => {
      const gold = parseGold(JSON.parse(fs.readFileSync(path.join(BENCH, file), 'utf8')));
      const pred: PredictedFile = {
        papers: gold.papers.map((p) => ({
          title: p.title,
          mentions: p.mentions.map((m) => ({
            name: m.name,
            kind: m.kind,
            role: m.role,
            evidence: '',
          })),
        })),
        lineage: gold.lineage.map((e) => ({ ...e, evidence: '' })),
      };
      const r = scoreExtraction(gold, pred);
      for (const s of [
        r.links,
        r.linksWithRole,
        r.namedEntities,
        r.lineage,
        r.lineageWithRelation,
      ]) {
        expect(s.precision).toBe(1);
        expect(s.recall).toBe(1);
      }
    },
  );
});

describe('input checks', () => {
  it('rejects a gold file with an unknown kind, naming the file', () => {
    const bad = {
      papers: [{ title: 'T', mentions: [{ name: 'X', kind: 'THING', role: 'USES' }] }],
      lineage: [],
    };
    expect(() => parseGold(bad, 'g.json')).toThrow(InputError);
    expect(() => parseGold(bad, 'g.json')).toThrow(/g\.json: papers\[0\]\.mentions\[0\]\.kind/);
  });

  it('rejects a prediction without papers', () => {
    expect(() => parsePredicted({ lineage: [] }, 'p.json')).toThrow(/p\.json: expected/);
  });

  it('accepts a prediction without lineage', () => {
    expect(parsePredicted({ papers: [{ title: 'T', mentions: [] }] }).lineage).toEqual([]);
  });
});

describe('CLI', () => {
  let dir: string;
  let logs: string[];
  let errors: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'score-'));
    logs = [];
    errors = [];
    jest.spyOn(console, 'log').mockImplementation((s: string) => void logs.push(s));
    jest.spyOn(console, 'error').mockImplementation((s: string) => void errors.push(s));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const write = (name: string, data: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(data));
    return file;
  };

  it('prints a table, and the errors with --details', () => {
    const g = write('g.json', beitGold);
    const p = write('p.json', beitPredicted);
    expect(main([g, p])).toBe(0);
    expect(logs[0]).toMatch(/\(a\) links \(paper, entity\)\s+80\.0\s+80\.0\s+80\.0/);
    expect(logs[0]).not.toMatch(/per-paper errors/);
    expect(main([g, p, '--details'])).toBe(0);
    expect(logs[1]).toMatch(/FN entity: DeiT \[MODEL COMPARES_WITH\]/);
    expect(logs[1]).toMatch(/FP entity: GPU \[METHOD USES\]/);
  });

  it('prints JSON with --json and reads --aliases', () => {
    const g = write('g.json', {
      papers: [
        {
          title: 'T',
          mentions: [{ name: 'Masked Language Modeling', kind: 'METHOD', role: 'USES' }],
        },
      ],
      lineage: [],
    });
    const p = write('p.json', {
      papers: [{ title: 'T', mentions: [{ name: 'MLM', kind: 'METHOD', role: 'USES' }] }],
    });
    const a = write('a.json', { 'Masked Language Modeling': ['MLM'] });
    expect(main([g, p, '--json', '--aliases', a])).toBe(0);
    expect(JSON.parse(logs[0]).links.recall).toBe(1);
  });

  it('fails on bad usage and bad input', () => {
    expect(main(['only-one.json'])).toBe(2);
    expect(main([path.join(dir, 'missing.json'), path.join(dir, 'missing.json')])).toBe(1);
    expect(errors.join('\n')).toMatch(/missing\.json: cannot read/);
  });

  it('formats a report without throwing when there is nothing to score', () => {
    expect(
      formatReport(scoreExtraction({ papers: [], lineage: [] }, { papers: [] }), true),
    ).toMatch(/papers: gold 0, predicted 0, matched 0/);
  });
});

describe('shipped gold files', () => {
  const seedLines = fs
    .readFileSync(path.join(__dirname, '../../../seeds/hf-papers-pretraining.txt'), 'utf8')
    .split('\n')
    .slice(2)
    .filter((l) => l.trim());
  const seedTitles = seedLines.filter((_, i) => i % 2 === 0).map(normalizeTitle);

  it('gold-seed.json annotates every seed paper once, by exact title', () => {
    const gold = parseGold(JSON.parse(fs.readFileSync(path.join(BENCH, 'gold-seed.json'), 'utf8')));
    expect(gold.papers.map((p) => normalizeTitle(p.title))).toEqual(seedTitles);
    const exact = new Set(
      seedLines.filter((_, i) => i % 2 === 0).map((t) => t.replace(/^Subscribe/, '')),
    );
    for (const p of gold.papers) expect(exact.has(p.title)).toBe(true);
    for (const e of gold.lineage) expect(exact.has(e.title ?? '')).toBe(true);
  });

  it('gold-heldout.json annotates every heldout.jsonl record, by exact title', () => {
    const records = fs
      .readFileSync(path.join(BENCH, 'heldout.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; title: string; abstract: string });
    expect(records).toHaveLength(60);
    expect(new Set(records.map((r) => r.id)).size).toBe(60);
    const gold = parseGold(
      JSON.parse(fs.readFileSync(path.join(BENCH, 'gold-heldout.json'), 'utf8')),
    );
    expect(gold.papers.map((p) => p.title)).toEqual(records.map((r) => r.title));
    const titles = new Set(records.map((r) => r.title));
    for (const e of gold.lineage) expect(titles.has(e.title ?? '')).toBe(true);
  });

  it('heldout.jsonl holds 120-250 word abstracts whose gold mentions occur in the text', () => {
    const records = fs
      .readFileSync(path.join(BENCH, 'heldout.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; title: string; abstract: string });
    records.forEach((r, i) => expect(r.id).toBe(`heldout-${String(i + 1).padStart(3, '0')}`));
    for (const r of records) {
      const words = r.abstract.split(/\s+/).filter(Boolean).length;
      expect(`${r.id} ${words >= 120 && words <= 250}`).toBe(`${r.id} true`);
    }
    const gold = parseGold(
      JSON.parse(fs.readFileSync(path.join(BENCH, 'gold-heldout.json'), 'utf8')),
    );
    // surface comparison: case, spacing and punctuation ignored, but no plural stripping
    const flat = (s: string): string => s.toLowerCase().replace(/[^a-z0-9+]/g, '');
    gold.papers.forEach((paper, i) => {
      const text = flat(`${records[i].title} ${records[i].abstract}`);
      const names = new Set(paper.mentions.map((m) => normalizeName(m.name)));
      for (const m of paper.mentions) {
        const forms = [m.name, ...(m.aliases ?? []), ...(gold.aliases?.[m.name] ?? [])];
        expect(`${records[i].id} ${m.name} ${forms.some((f) => text.includes(flat(f)))}`).toBe(
          `${records[i].id} ${m.name} true`,
        );
      }
      // the child of every lineage edge is an entity the supporting paper links to
      for (const e of gold.lineage.filter((l) => l.title === paper.title)) {
        expect(`${e.child} ${names.has(normalizeName(e.child))}`).toBe(`${e.child} true`);
      }
    });
  });

  it('gives each entity one kind and TASK entities only the ADDRESSES role', () => {
    for (const file of ['gold-seed.json', 'gold-heldout.json']) {
      const gold = parseGold(JSON.parse(fs.readFileSync(path.join(BENCH, file), 'utf8')));
      const kinds = new Map<string, string>();
      for (const p of gold.papers) {
        for (const m of p.mentions) {
          const key = normalizeName(m.name);
          expect(`${file} ${m.name} ${kinds.get(key) ?? m.kind}`).toBe(
            `${file} ${m.name} ${m.kind}`,
          );
          kinds.set(key, m.kind);
          expect(`${m.name} ${m.kind === 'TASK'}`).toBe(`${m.name} ${m.role === 'ADDRESSES'}`);
        }
      }
    }
  });
});
