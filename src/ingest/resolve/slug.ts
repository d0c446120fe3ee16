/**
 * The stable id of a name: lower-case ASCII words joined by hyphens ("Faster R-CNN" ->
 * "faster-r-cnn", "ImageNet-1K" -> "imagenet-1k"). Ids appear in URLs, so they must be readable.
 */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const MAX_PAPER_ID = 120;

/** A paper's id: the one its input gives, else the slug of its title (the same across formats). */
export function paperId(record: { id?: string; title: string }): string {
  if (record.id && record.id.trim()) return record.id.trim();
  return slug(record.title).slice(0, MAX_PAPER_ID).replace(/-+$/, '');
}
