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

/**
 * The lookup key of one spelling of an entity: case, spaces, hyphens and punctuation ignored, and
 * a final plural "s" dropped ("Masked Autoencoders" and "masked-autoencoder" share a key). The
 * loader stores one :Alias node per key, and entity(name:) looks names up by the same key.
 */
export function aliasKey(name: string): string {
  const compact = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\+/g, 'plus')
    .replace(/[^a-z0-9]+/g, '');
  return compact.length > 3 && /[a-z]s$/.test(compact) && !/ss$/.test(compact)
    ? compact.slice(0, -1)
    : compact;
}
