import { toDryRunJson } from '../../../src/ingest/dry-run';
import { extractPapers } from '../../../src/ingest/pipeline';
import { buildLexicon } from '../../../src/ingest/resolve/lexicon';
import { ENTITY_KINDS, LINEAGE_RELATIONS, LINK_ROLES } from '../../../src/model';
import { inventedRecords } from '../../fixtures/extract/invented-papers';
import { extractOne, fixtureLexicon, links, record } from './support';

describe('extractPapers on invented abstracts', () => {
  const batch = extractPapers(inventedRecords(), { lexicon: fixtureLexicon() });
  const dry = toDryRunJson(batch);
  const paper = (title: string): string[] => {
    const index = dry.papers.findIndex((p) => p.title.startsWith(title));
    return links(dry, index);
  };

  it('finds introduced models, the data they use and the baselines they beat', () => {
    expect(paper('QuillNet')).toEqual(
      expect.arrayContaining([
        'INTRODUCES QuillNet',
        'USES LLaMA',
        'USES Mixture-of-Experts',
        'USES PaperForms',
        'EVALUATES_ON DocBench-2',
        'EVALUATES_ON ScanText',
        'COMPARES_WITH LayoutFormer',
        'COMPARES_WITH DonutLite',
      ]),
    );
  });

  it('resolves a misspelt name and a plural lexicon alias in one paper', () => {
    expect(paper('SpectraFormer')).toEqual(
      expect.arrayContaining(['INTRODUCES SpectraFormer', 'USES MAE', 'EVALUATES_ON LibriSpeech']),
    );
    const spectra = batch.entities.find((e) => e.name === 'SpectraFormer');
    expect(spectra?.aliases).toEqual(['SpectraFomer']);
  });

  it('introduces released datasets and spelled-out objectives', () => {
    expect(paper('Tiny but Fluent')).toEqual(
      expect.arrayContaining([
        'INTRODUCES MedLexBERT',
        'INTRODUCES ClinNotes-40K',
        'EVALUATES_ON GLUE',
      ]),
    );
    expect(paper('Gradient Echo')).toEqual(expect.arrayContaining(['INTRODUCES GEM']));
    expect(batch.entities.find((e) => e.name === 'GEM')).toMatchObject({ kind: 'METHOD' });
    expect(paper('HarborQA')).toEqual(
      expect.arrayContaining([
        'INTRODUCES HarborQA',
        'INTRODUCES DockText',
        'ADDRESSES Question Answering',
      ]),
    );
  });

  it('groups sizes of one model under its bare name', () => {
    const lighthouse = batch.entities.find((e) => e.name === 'Lighthouse');
    expect(lighthouse).toMatchObject({ kind: 'MODEL' });
    expect(lighthouse?.aliases).toEqual(['Lighthouse-13B', 'Lighthouse-7B']);
    expect(paper('Lighthouse')).toEqual(
      expect.arrayContaining([
        'INTRODUCES Lighthouse',
        'INTRODUCES Lighthouse-Chat',
        'COMPARES_WITH Falconet',
      ]),
    );
  });

  it('links every paper to its own introduced entity', () => {
    for (const p of dry.papers) {
      expect(
        p.mentions.some((m) => m.role === 'INTRODUCES' || p.title.startsWith('Gradient')),
      ).toBe(true);
    }
  });

  it('produces a well-formed batch', () => {
    const ids = new Set(batch.entities.map((e) => e.id));
    expect(ids.size).toBe(batch.entities.length);
    for (const entity of batch.entities) {
      expect(ENTITY_KINDS).toContain(entity.kind);
      expect(entity.aliases).not.toContain(entity.name);
    }
    for (const p of batch.papers) {
      const seen = new Set<string>();
      for (const m of p.mentions) {
        expect(ids.has(m.entityId)).toBe(true);
        expect(LINK_ROLES).toContain(m.role);
        expect(m.source).toBe('EXTRACTED');
        expect(m.confidence).toBeGreaterThan(0);
        expect(m.confidence).toBeLessThanOrEqual(1);
        expect(m.evidence.length).toBeGreaterThan(0);
        const key = `${m.entityId}|${m.role}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    }
    for (const edge of batch.lineage) {
      expect(ids.has(edge.childId) && ids.has(edge.parentId)).toBe(true);
      expect(LINEAGE_RELATIONS).toContain(edge.relation);
      expect(edge.childId).not.toBe(edge.parentId);
    }
  });

  it('is deterministic', () => {
    const again = extractPapers(inventedRecords(), { lexicon: fixtureLexicon() });
    expect(JSON.stringify(again)).toBe(JSON.stringify(batch));
  });
});

describe('vague phrases', () => {
  it('are never entities, even when the lexicon lists them', () => {
    const { dry, batch } = extractOne(
      'Scaling Laws for Everything',
      'Large language models (LLMs) built with deep learning and pre-training reach state-of-the-art ' +
        'results in natural language processing (NLP). LLM-based AI systems run on GPUs and use an API. ' +
        'Transformer-based models and diffusion models (DMs) are common, and SOTA QA needs a URL.',
    );
    expect(dry.papers[0].mentions.map((m) => m.name)).toEqual(['Transformer']);
    expect(batch.entities.map((e) => e.name)).not.toContain('Large Language Model');
  });

  it('include paradigms, training stages and generic building blocks, under every lexicon name', () => {
    const lexicon = buildLexicon([
      {
        name: 'Self-Supervised Learning',
        kind: 'METHOD',
        aliases: ['self-supervised pre-training'],
      },
      { name: 'Reinforcement Learning', kind: 'METHOD', aliases: ['deep RL'] },
      { name: 'Instruction Tuning', kind: 'METHOD' },
      { name: 'Encoder-Decoder Architecture', kind: 'METHOD', aliases: ['encoder-decoder'] },
      { name: 'Contrastive Learning', kind: 'METHOD', aliases: ['contrastive loss'] },
      { name: 'BERT', kind: 'MODEL' },
    ]);
    const { dry } = extractOne(
      'Tuning Encoders',
      'We combine self-supervised pre-training, deep RL and instruction tuning in an encoder-decoder ' +
        'trained with a contrastive loss, starting from BERT.',
      lexicon,
    );
    expect(dry.papers[0].mentions.map((m) => m.name)).toEqual(['BERT']);
  });

  it('excludes metrics, organisations and languages', () => {
    const { dry } = extractOne(
      'Fair Metrics',
      'Our Chinese and English models from OpenAI reach 81.2 F1, 40.1 BLEU and 52.3 mAP on COCO with 8 GPUs.',
    );
    expect(dry.papers[0].mentions.map((m) => m.name)).toEqual(['COCO']);
    const more = extractOne(
      'Captioning Metrics',
      'On AudioCaps our captioner reaches 0.51 SPIDEr, 28.1 chrF++ and 0.64 BERTScore at 12 GFLOPs.',
    );
    expect(more.dry.papers[0].mentions.map((m) => m.name)).toEqual(['AudioCaps']);
  });
});

describe('input handling', () => {
  it('warns about duplicate papers and skips the second', () => {
    const batch = extractPapers(
      [record('Same Paper', 'About BERT.', 1), record('Same Paper', 'Again.', 3)],
      {
        lexicon: fixtureLexicon(),
      },
    );
    expect(batch.papers).toHaveLength(1);
    expect(batch.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('duplicate paper id "same-paper"'),
    ]);
    expect(batch.warnings[0].source).toEqual({ file: 'test', line: 3 });
  });

  it('reads a paper without abstract from its title, with a warning', () => {
    const batch = extractPapers([record('BEiT: BERT Pre-Training of Image Transformers', '')], {
      lexicon: fixtureLexicon(),
    });
    expect(batch.papers[0].mentions.map((m) => `${m.role} ${m.entityId}`)).toEqual(
      expect.arrayContaining(['INTRODUCES beit', 'USES bert']),
    );
    expect(batch.warnings[0].message).toContain('no abstract');
  });

  it('links names the input states (Papers with Code tasks and methods)', () => {
    const batch = extractPapers(
      [
        {
          ...record('A Study', 'We study detectors.'),
          statedTasks: ['Object Detection'],
          statedMethods: ['Focal Loss'],
        },
      ],
      { lexicon: fixtureLexicon() },
    );
    const mentions = batch.papers[0].mentions.map((m) => `${m.role} ${m.entityId}`);
    expect(mentions).toEqual(
      expect.arrayContaining(['ADDRESSES object-detection', 'USES focal-loss']),
    );
  });

  it('keeps stored paper fields and reports lexicon warnings', () => {
    const lexicon = buildLexicon(
      [{ name: 'A', kind: 'MODEL' }],
      'lex.json',
      [],
      [{ source: { file: 'lex.json', line: 2 }, message: 'something odd' }],
    );
    const batch = extractPapers(
      [
        {
          ...record('T', 'x'),
          url: 'https://x',
          arxivId: '1234.5678',
          published: '2024-01-02',
          authors: ['Ann'],
        },
      ],
      { lexicon },
    );
    expect(batch.papers[0]).toMatchObject({
      id: 't',
      url: 'https://x',
      arxivId: '1234.5678',
      published: '2024-01-02',
      authors: ['Ann'],
    });
    expect(batch.warnings.map((w) => w.message)).toContain('something odd');
  });
});
