import { RequestLimits } from '../config';
import { Database } from '../db/database';
import { CurationError } from '../graph/curation-error';
import { resolveWithGraph } from '../graph/known-entities';
import {
  CurationRepository,
  LineageEdgeResult,
  MergeResult,
  RemoveMentionResult,
} from '../graph/curation.repository';
import { RecordFields } from '../ingest/formats/record-fields';
import { validatePapers } from '../ingest/formats/validate-papers';
import { extractBatch } from '../ingest/ingest';
import { LoadReport } from '../ingest/load';
import { InputError, LineageRelation, LinkRole, PaperRecord } from '../model';
import { PaperInput } from './curation.input';

/**
 * The curation use cases behind the mutations: argument checks the schema cannot express, then
 * one repository call each. ingestPapers runs the CLI's own pipeline (records -> the readers'
 * checks -> extraction -> the loader), so a paper gets the same id and entities either way.
 */

export interface CurationServiceOptions {
  db: Database;
  limits: RequestLimits;
  /** Project root, where the lexicon is read from. */
  rootDir: string;
}

export interface IngestPapersResult {
  paperIds: string[];
  report: LoadReport;
  warnings: string[];
}

/** Where errors and warnings about mutation input say the paper came from. */
const SOURCE_FILE = 'graphql';
const MAX_ID_CHARS = 200;
const MAX_NAME_CHARS = 300;
const MAX_NAMES = 200;
const MAX_EVIDENCE_CHARS = 2_000;
const MAX_REF_CHARS = 300;

export class CurationService {
  private readonly repository: CurationRepository;

  constructor(private readonly options: CurationServiceOptions) {
    this.repository = new CurationRepository(options.db);
  }

  async ingestPapers(inputs: PaperInput[], curator: string): Promise<IngestPapersResult> {
    const { maxIngestPapers, ingestTimeoutMs } = this.options.limits;
    if (inputs.length === 0) throw new CurationError('papers is empty: give at least one paper');
    if (inputs.length > maxIngestPapers) {
      throw new CurationError(
        `${inputs.length} papers in one call; at most ${maxIngestPapers}: split the list`,
        { limit: maxIngestPapers },
      );
    }
    const records = toPaperRecords(inputs);
    const batch = await resolveWithGraph(
      this.options.db,
      extractBatch(records, { rootDir: this.options.rootDir }),
    );
    const report = await this.repository.ingestBatch(batch, curator, ingestTimeoutMs);
    return {
      paperIds: batch.papers.map((p) => p.id),
      report,
      warnings: batch.warnings
        .filter((w) => w.source.file === SOURCE_FILE)
        .map((w) => `papers[${w.source.line - 1}]: ${w.message}`),
    };
  }

  mergeEntities(keep: string, merge: string[], curator: string): Promise<MergeResult> {
    const { maxMergeEntities } = this.options.limits;
    if (merge.length === 0) throw new CurationError('merge is empty: name the entities to merge');
    if (merge.length > maxMergeEntities) {
      throw new CurationError(
        `${merge.length} entities to merge in one call; at most ${maxMergeEntities}`,
        { limit: maxMergeEntities },
      );
    }
    checkRef('keep', keep);
    merge.forEach((ref, i) => checkRef(`merge[${i}]`, ref));
    return this.repository.mergeEntities(keep, merge, curator);
  }

  addLineageEdge(
    child: string,
    parent: string,
    relation: LineageRelation,
    evidence: string | undefined,
    curator: string,
  ): Promise<LineageEdgeResult> {
    checkRef('child', child);
    checkRef('parent', parent);
    const text = evidence?.trim() || undefined;
    if (text && text.length > MAX_EVIDENCE_CHARS) {
      throw new CurationError(
        `evidence is ${text.length} characters long (at most ${MAX_EVIDENCE_CHARS})`,
      );
    }
    return this.repository.addLineageEdge(child, parent, relation, text, curator);
  }

  removeMention(
    paperId: string,
    entityId: string,
    role: LinkRole,
    curator: string,
  ): Promise<RemoveMentionResult> {
    return this.repository.removeMention(paperId, entityId, role, curator);
  }
}

function checkRef(argument: string, ref: string): void {
  if (!ref.trim()) throw new CurationError(`${argument} is empty: give an entity name or id`);
  if (ref.length > MAX_REF_CHARS) {
    throw new CurationError(
      `${argument} is ${ref.length} characters long (at most ${MAX_REF_CHARS})`,
    );
  }
}

/**
 * Builds the records a JSON Lines file with these papers would give (the same field checks and
 * clean-ups, the same validation), naming the paper at fault as `papers[i]` instead of a line.
 */
export function toPaperRecords(inputs: PaperInput[]): PaperRecord[] {
  try {
    const records = inputs.map((input, index): PaperRecord => {
      const line = index + 1;
      const fields = new RecordFields({ ...input }, SOURCE_FILE, line);
      const record: PaperRecord = {
        id: fields.optionalId('id'),
        title: fields.requiredString('title'),
        abstract: input.abstract ?? '',
        url: fields.optionalString('url'),
        arxivId: fields.optionalArxivId('arxivId'),
        published: fields.optionalDate('published'),
        authors: fields.optionalAuthors('authors'),
        statedTasks: fields.optionalStringList('tasks'),
        statedMethods: fields.optionalStringList('methods'),
        source: { file: SOURCE_FILE, line },
      };
      checkApiOnlyFields(record, line);
      return record;
    });
    return validatePapers(records, SOURCE_FILE);
  } catch (error) {
    if (error instanceof InputError && error.file === SOURCE_FILE && error.line !== undefined) {
      const index = error.line - 1;
      // The readers refer to other records by line ("same as the paper at line 3").
      const detail = error.detail.replace(
        /the paper at line (\d+)/g,
        (_, line) => `papers[${Number(line) - 1}]`,
      );
      throw new CurationError(`papers[${index}]: ${detail}`, { index });
    }
    throw error;
  }
}

/**
 * Bounds a file reader does not need: files are trusted local input, while a mutation comes from
 * the network, and its URL ends up as a link in the dashboard.
 */
function checkApiOnlyFields(record: PaperRecord, line: number): void {
  const fail = (detail: string) => new InputError(SOURCE_FILE, line, detail);
  if (record.id !== undefined && record.id.length > MAX_ID_CHARS) {
    throw fail(`field 'id' is ${record.id.length} characters long (at most ${MAX_ID_CHARS})`);
  }
  if (record.url !== undefined && !isHttpUrl(record.url)) {
    throw fail(`field 'url' must be an http or https URL, got '${record.url.slice(0, 100)}'`);
  }
  const lists: Array<[string, string[] | undefined]> = [
    ['authors', record.authors],
    ['tasks', record.statedTasks],
    ['methods', record.statedMethods],
  ];
  for (const [field, names] of lists) {
    if (!names) continue;
    if (names.length > MAX_NAMES)
      throw fail(`field '${field}' has ${names.length} names (at most ${MAX_NAMES})`);
    const long = names.findIndex((name) => name.length > MAX_NAME_CHARS);
    if (long >= 0)
      throw fail(`field '${field}[${long}]' is longer than ${MAX_NAME_CHARS} characters`);
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
