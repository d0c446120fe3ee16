import { foldedKey } from '../resolve/normalize';

/**
 * Words and phrases that look like names but are not entities. Lists hold plain spellings; they
 * are compared by folded key, so plurals, case and hyphenation variants are covered.
 */

/**
 * Vague phrases: never entities, even when a lexicon lists them (see the annotation guidelines:
 * generic phrases, research fields, paradigms named by what everybody does).
 */
const VAGUE = phrases(`
  pre-training | pre-train | pre-trained | pretraining objective | pre-training objective
  fine-tuning | fine-tune | fine-tuned | post-training | mid-training | training
  large language model | LLM | language model | LM | PLM | PTM | pre-trained model
  pre-trained language model | pretrained language model | neural language model
  multimodal large language model | MLLM | MM-LLM | large multimodal model | LMM
  vision-language model | visual language model | VLM | vision language model
  code large language model | code LLM | foundation model | vision foundation model | VFM
  multimodal model | generative model | diffusion model | DM | video diffusion model
  deep learning | machine learning | artificial intelligence | AI
  artificial general intelligence | AGI | natural language processing | NLP
  computer vision | CV | speech processing | state-of-the-art | state of the art | SOTA
  transformer-based model | transformer-based language model | neural network
  deep neural network | DNN | model | framework | method | approach | baseline | benchmark
  dataset | corpus | algorithm | technique | QA | GPU | API | URL
`);

/**
 * Paradigms, training stages and generic building blocks that nearly every abstract names in
 * passing ("self-supervised pre-training", "instruction tuning", "an encoder-decoder"): like
 * pre-training and fine-tuning, never entities, whatever the lexicon lists.
 */
const VAGUE_PARADIGMS = phrases(`
  self-supervised learning | self-supervised | self-supervision | self-supervised pre-training
  self-supervised representation learning | SSL | supervised learning | unsupervised learning
  unsupervised pre-training | unsupervised representation learning | semi-supervised learning
  weakly supervised learning | transfer learning | reinforcement learning | deep reinforcement
  learning | RL | deep RL | representation learning | multi-task learning | imitation learning
  instruction tuning | instruction fine-tuning | instruction-tuned | visual instruction tuning
  continual pre-training | continued pre-training | further pre-training
  vision-language pre-training | visual language pre-training | vision-and-language pre-training
  VLP | data augmentation | linear probing | linear probe | linear evaluation | model compression
  encoder-decoder | encoder-decoder model | encoder-decoder architecture | sequence-to-sequence
  sequence to sequence | seq2seq | sequence-to-sequence learning | decoder-only
  decoder-only transformer | decoder-only architecture | decoder-only language model
  transformer decoder | attention mechanism | self-attention | self-attention mechanism
  self attention | cross-attention | cross attention | word embedding | word vectors
  contrastive loss | contrastive objective
`);

/**
 * Generic paradigms: entities only when the curated lexicon lists them (then the lexicon decides),
 * never invented from text, because in most abstracts they name a field, not a technique.
 */
const GENERIC_PARADIGMS = phrases(`
  self-supervised learning | SSL | supervised learning | unsupervised learning
  semi-supervised learning | weakly supervised learning | transfer learning
  reinforcement learning | RL | representation learning | contrastive learning
  multi-task learning | meta-learning | few-shot learning | zero-shot learning
  in-context learning | ICL | continual learning | continual pre-training
  curriculum learning | knowledge distillation | KD | instruction tuning | prompt tuning
  data augmentation | imitation learning | active learning | federated learning
  online learning | multimodal learning | domain adaptation | feature extraction
  feature extractor | information retrieval | IR | language modeling | encoder-decoder
  seq2seq | sequence-to-sequence | self-attention | attention | attention mechanism
  encoder | decoder | tokenizer | tokeniser
`);

/** Metrics, units and evaluation jargon. */
const METRICS = phrases(`
  F1 | F-1 | F1-score | F_1 | BLEU | ROUGE | METEOR | CIDEr | mAP | AP | mIoU | IoU | AUC
  AUROC | ROC | WER | CER | FID | IS | PSNR | SSIM | LPIPS | EM | NDCG | MRR | RMSE | MSE
  accuracy | perplexity | PPL | FLOPs | FLOP | MACs | TFLOPs | Dice | top-1 | top-5 | rank-1
  pass@1 | Elo | GiB | GB | TB | MB | KB | ms | FPS | MOS | SNR | BPE
  chrF | chrF++ | TER | SPICE | SPIDEr | BERTScore | CHAIR | GFLOPs | GMACs | ROC-AUC | PR-AUC
`);

/** Organisations, products that are not ML entities, hardware and software. */
const NON_ML_NAMES = phrases(`
  OpenAI | NVIDIA | Google | Microsoft | Meta | Facebook | Amazon | Apple | Baidu | Alibaba
  Tencent | Huawei | ByteDance | Anthropic | DeepMind | Kwai | AntGroup | GitHub
  HuggingFace | Hugging Face | Hugging Face Transformers | Huggingface Transformers
  Huggingface Transformers Library | Transformers library | Telegram | Twitter | Reddit
  Wikipedia | arXiv | PubMed | YouTube | Zenodo | PyTorch | TensorFlow | JAX | Python | Java
  JavaScript | C++ | CUDA | Triton | GPU | CPU | TPU | NPU | V100 | A100 | H100 | Ampere
  Hopper | API | URL | HTML | PDF | SQL | JSON | XML | CSV | HTTP | Web | MLP layer
`);

/** Languages, nationalities and places. */
const LANGUAGES_AND_PLACES = phrases(`
  English | Chinese | Mandarin | Japanese | Korean | German | French | Spanish | Italian
  Portuguese | Russian | Polish | Czech | Dutch | Arabic | Hindi | Marathi | Bengali | Urdu
  Tamil | Indian | Estonian | Icelandic | Finnish | Swedish | Turkish | Vietnamese | Thai
  Indonesian | European | American | Asian | African | India | China | Japan | Europe | US
  USA | UK | EU | STEM
`);

/**
 * Capitalised words and acronyms that start sentences, label sections or name data modalities:
 * never names on their own.
 */
const COMMON_CAPITALISED = phrases(`
  We | Our | In | On | For | The | This | These | That | Those | However | It | Its | They
  Their | Figure | Fig | Table | Section | Appendix | Eq | Equation | Code | Experiments
  Results | Abstract | Introduction | Conclusion | Step | Stage | Phase | Part | Task
  Model | Method | Dataset | Benchmark | Despite | Notably | Specifically | Moreover
  Furthermore | Finally | First | Second | Third | Firstly | Secondly | Recently
  Additionally | Also | Both | Each | All | Any | Some | Many | Most | New | Novel | Large
  Small | Base | Tiny | Huge | Mini | Pro | Plus | Ultra | Technical Report | Report
  Family | Bench | Suite | Series | Version | Vision | Language | Image | Video | Audio
  Speech | Text | Multimodal | Unified | ECG | EEG | MRI | CT | PET | RGB | RGB-D | ID | IoT
  UI | GUI | OS | FAQ | PhD | Q&A | QA | VQA pairs | NLU | NLG | OOD | IID | i.i.d | TL;DR
  PDFs | SFT data | ASCII | LaTeX | URLs | APIs | GPUs | CPUs | TPUs | AI models | GenAI
  ML | DL | VL | MM | LLM-based | Dialog | Dialogue | Parameter | Pre-Training | Pretraining
  Pre-trained | Fine-Tuning | Hypothesis | Principle | Card | Transparency
`);

/** Multi-word names of software and organisations whose words would otherwise match entities. */
export const BLOCKED_PHRASES = phrases(`
  Hugging Face Transformers | Huggingface Transformers | HuggingFace Transformers | Transformers library | Transformers Library | Hugging Face | Huggingface
`);

/**
 * Head words after which a capitalised phrase is a finding, an artefact or a domain rather than a
 * model, method or dataset ("the Babel Tower Hypothesis", "the CloudOps domain").
 */
export const NON_ENTITY_HEADS = new Set(
  `
    hypothesis principle law card report phenomenon effect gap domain field area community
    industry team lab group university institute company platform website webpage page library
    toolkit repository license language languages country region paradigm metric score ratio
    signal modality scenario setting era age
  `
    .trim()
    .split(/\s+/),
);

/** A list written as "a | b | c", one or more phrases per line. */
function phrases(list: string): string[] {
  return list
    .split(/[|\n]/)
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
}

const toKeys = (forms: string[]): Set<string> => new Set(forms.map((f) => foldedKey(f)));

const VAGUE_KEYS = toKeys([...VAGUE, ...VAGUE_PARADIGMS]);
const GENERIC_KEYS = toKeys(GENERIC_PARADIGMS);
const OTHER_KEYS = toKeys([...METRICS, ...NON_ML_NAMES, ...LANGUAGES_AND_PLACES]);
const COMMON_KEYS = toKeys(COMMON_CAPITALISED);

/** Lexicon-proof exclusions: vague phrases. */
export function isVague(surface: string): boolean {
  return VAGUE_KEYS.has(foldedKey(surface)) || VAGUE_KEYS.has(foldedKey(stripPlural(surface)));
}

/** Phrases that only the lexicon may make entities. */
export function isGenericParadigm(surface: string): boolean {
  return GENERIC_KEYS.has(foldedKey(surface));
}

/**
 * Whether a surface form must never become an entity discovered in text: vague, generic,
 * a metric, an organisation, a language, a common capitalised word, a number-like token.
 */
export function isStopName(surface: string): boolean {
  const key = foldedKey(surface);
  if (!key || !/[a-z]/.test(key)) return true;
  if (isVague(surface) || GENERIC_KEYS.has(key) || OTHER_KEYS.has(key) || COMMON_KEYS.has(key)) {
    return true;
  }
  return NUMBER_LIKE.test(surface) || METRIC_LIKE.test(surface);
}

/** Whether a lexicon form must not be matched in text (vague phrases only). */
export function isStopLexiconForm(surface: string): boolean {
  return isVague(surface);
}

/** "1.9B", "16x16", "3D", "4k", "220M", "2:4", "v2" alone, roman numerals, "L-times". */
const NUMBER_LIKE =
  /^(\d+([.,:]\d+)*\s?(x\d+|[a-zA-Z]{0,2}|%)?|[ivxIVX]{1,4}|[vV]\d+(\.\d+)*|[a-zA-Z]|[xX]\d+|\d+[a-zA-Z]-\w+)$/;

/** "Top-1", "Rank-5", "pass@128", "R@1", "Hit@10", "F_1", "AP50". */
const METRIC_LIKE = /^(top|rank|pass|r|hit|recall|acc|ap|ndcg|mrr|f)[-_@]?\d+$/i;

function stripPlural(surface: string): string {
  return surface.replace(/(?<=[A-Z])s$/, '');
}
