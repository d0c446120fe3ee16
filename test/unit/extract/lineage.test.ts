import { extractPapers } from '../../../src/ingest/pipeline';
import { extractOne, fixtureLexicon, record } from './support';

const edges = (title: string, abstract: string): string[] =>
  extractOne(title, abstract).dry.lineage.map((l) => `${l.child} ${l.relation} ${l.parent}`);

describe('lineage from cue phrases', () => {
  it('reads "Following X, we ..." as inspiration for the paper\'s own entity', () => {
    expect(
      edges(
        'Lumen: Image Pre-training',
        'Following BERT developed in NLP, we propose Lumen, a vision model.',
      ),
    ).toContain('Lumen INSPIRED_BY BERT');
  });

  it('reads past a citation\'s "et al." between the name and the cue', () => {
    expect(
      edges(
        'Faster Optimizers',
        'We plug our schedule into QuickDETR (Zhang et al., 2024), a recently proposed variant of DETR.',
      ),
    ).toContain('QuickDETR VARIANT_OF DETR');
  });

  it('reads distillation, fine-tuning and "based on"', () => {
    expect(
      edges('Tiny', 'We present MedLexBERT, a six-layer model distilled from BERT.'),
    ).toContain('MedLexBERT DISTILLED_FROM BERT');
    expect(
      edges(
        'Owl-7B Technical Report',
        'We introduce Owl-7B, a model fine-tuned from LLaMA on chats.',
      ),
    ).toContain('Owl FINETUNED_FROM LLaMA');
    expect(edges('Fins', 'We propose FinDet, a detector based on DETR.')).toContain(
      'FinDet EXTENDS DETR',
    );
  });

  it('reads "combines X and Y" as one edge per parent, and stops at the purpose', () => {
    expect(
      edges(
        'Duet',
        'We propose Duet, a framework that combines contrastive learning and MLM for speech.',
      ),
    ).toEqual(['Duet COMBINES Contrastive Learning', 'Duet COMBINES Masked Language Modeling']);
  });

  it('derives variants from name morphology when no cue says more', () => {
    expect(
      edges(
        'Fast-HuBERT: Faster Speech Training',
        'We propose Fast-HuBERT, a faster recipe for HuBERT.',
      ),
    ).toEqual(['Fast-HuBERT VARIANT_OF HuBERT']);
    expect(edges('DarkCOCO', 'We release DarkCOCO, a dataset of night photos.')).toEqual([
      'DarkCOCO VARIANT_OF COCO',
    ]);
    expect(edges('Mini', 'We propose MiniCLIP, a small model.')).toEqual([
      'MiniCLIP VARIANT_OF CLIP',
    ]);
    // The paper names its own model "we call": introduced, so derived.
    expect(
      edges('Pocket Vision', 'Distilling CLIP yields a small encoder we call PocketCLIP.'),
    ).toContain('PocketCLIP VARIANT_OF CLIP');
  });

  it('derives no parent from the spelling of a name the paper only mentions', () => {
    expect(edges('Mini', 'We train MiniCLIP, a small model.')).toEqual([]);
    expect(
      edges('Probing Detectors', 'We probe DAB-DETR and compare it with Conditional-DETR on COCO.'),
    ).toEqual([]);
  });

  it('lets a cue win over morphology, and leaves the mentioned parent underived', () => {
    expect(
      edges(
        'TutorGPT-4: A Tutor',
        'We introduce TutorGPT-4, a chat model fine-tuned from ChatLLaMA.',
      ),
    ).toEqual(['TutorGPT-4 FINETUNED_FROM ChatLLaMA']);
  });

  it('gives no edge to an unnamed child or across kinds', () => {
    expect(
      edges('Probing', 'We introduce a novel contrastive method, inspired by BERT, for retrieval.'),
    ).toEqual([]);
    expect(edges('Notes', 'We release DETR-Night, a dataset of night photos.')).toEqual([]);
  });
});

describe('lineage from the lexicon', () => {
  it('adds a curated parent edge when the paper introduces the child and names the parent', () => {
    const abstract = 'We introduce BEiT, evaluated on ImageNet. BEiT learns like BERT does.';
    const { dry, batch } = extractOne('Beyond BEiT', abstract);
    // Not transitive: the paper does not name the Transformer, so BERT -> Transformer is absent.
    expect(dry.lineage.map((l) => `${l.child} ${l.relation} ${l.parent}`)).toEqual([
      'BEiT EXTENDS BERT',
    ]);
    const edge = batch.lineage.find((l) => l.childId === 'beit');
    expect(edge).toMatchObject({
      parentId: 'bert',
      paperId: 'beyond-beit',
      evidence: 'BEiT learns like BERT does.',
      source: 'EXTRACTED',
      confidence: 1,
    });
    expect(batch.entities.map((e) => e.id)).not.toContain('transformer');
  });

  it('adds nothing for a child the paper only mentions alongside its parent', () => {
    const { dry } = extractOne(
      'Probing Encoders',
      'We study BEiT on ImageNet and compare it with BERT.',
    );
    expect(dry.lineage).toEqual([]);
  });

  it('adds nothing for a child named without its parent', () => {
    const { dry, batch } = extractOne('Beyond BEiT', 'We study BEiT on ImageNet.');
    expect(dry.lineage).toEqual([]);
    expect(batch.entities.map((e) => e.id)).not.toEqual(expect.arrayContaining(['bert']));
  });

  it('follows each curated link only in the paper that introduces the child and names the parent', () => {
    const batch = extractPapers(
      [
        record('Beyond BEiT', 'We introduce BEiT and compare it with BERT.', 1),
        record('Attention Models', 'We introduce BERT. It stacks Transformer encoder layers.', 2),
        record('Image Tokens', 'We fine-tune BEiT on ImageNet.', 3),
        record('Encoders Compared', 'We analyse BERT, a Transformer encoder.', 4),
      ],
      { lexicon: fixtureLexicon() },
    );
    expect(batch.lineage.map((l) => `${l.childId}>${l.parentId}@${l.paperId}`)).toEqual([
      'beit>bert@beyond-beit',
      'bert>transformer@attention-models',
    ]);
    // The first sentence that names the parent when none names both.
    expect(batch.lineage[1].evidence).toBe('It stacks Transformer encoder layers.');
  });

  it("lets the lexicon name the relation when the paper's words already relate the pair", () => {
    const { batch } = extractOne(
      'Image Transformers',
      'Following BERT developed in NLP, we propose BEiT, a vision model.',
    );
    const toBert = batch.lineage.filter((l) => l.childId === 'beit' && l.parentId === 'bert');
    expect(toBert).toEqual([
      expect.objectContaining({
        relation: 'EXTENDS',
        evidence: 'Following BERT developed in NLP, we propose BEiT, a vision model.',
        source: 'EXTRACTED',
      }),
    ]);
  });
});
