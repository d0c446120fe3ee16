import { toDryRunJson } from '../../../src/ingest/dry-run';
import { extractOne } from './support';

const edges = (title: string, abstract: string): string[] =>
  extractOne(title, abstract)
    .dry.lineage.filter((l) => l.evidence !== 'lexicon')
    .map((l) => `${l.child} ${l.relation} ${l.parent}`);

describe('lineage from cue phrases', () => {
  it('reads "Following X, we ..." as inspiration for the paper\'s own entity', () => {
    expect(
      edges(
        'Lumen: Image Pre-training',
        'Following BERT developed in NLP, we propose Lumen, a vision model.',
      ),
    ).toContain('Lumen INSPIRED_BY BERT');
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
    expect(edges('Mini', 'We train MiniCLIP, a small model.')).toEqual([
      'MiniCLIP VARIANT_OF CLIP',
    ]);
  });

  it('lets a cue win over morphology', () => {
    expect(
      edges(
        'TutorGPT-4: A Tutor',
        'We introduce TutorGPT-4, a chat model fine-tuned from ChatLLaMA.',
      ),
    ).toEqual(['ChatLLaMA VARIANT_OF LLaMA', 'TutorGPT-4 FINETUNED_FROM ChatLLaMA']);
  });

  it('gives no edge to an unnamed child or across kinds', () => {
    expect(
      edges('Probing', 'We introduce a novel contrastive method, inspired by BERT, for retrieval.'),
    ).toEqual([]);
    expect(edges('Notes', 'We release DETR-Night, a dataset of night photos.')).toEqual([]);
  });
});

describe('lineage from the lexicon', () => {
  it('adds curated parents, and their parents, with evidence "lexicon"', () => {
    const { batch } = extractOne('Beyond BEiT', 'We study BEiT on ImageNet.');
    const curated = toDryRunJson(batch, { includeCurated: true })
      .lineage.filter((l) => l.evidence === 'lexicon')
      .map((l) => `${l.child}>${l.parent}`);
    expect(curated).toEqual(['BEiT>BERT', 'BERT>Transformer']);
    const bert = batch.lineage.find((l) => l.childId === 'beit');
    expect(bert).toMatchObject({ parentId: 'bert', source: 'CURATED', confidence: 1 });
    expect(bert?.paperId).toBeUndefined();
    // The parents are entities even though the paper does not mention them.
    expect(batch.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['bert', 'transformer']),
    );
  });
});
