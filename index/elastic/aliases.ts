import type { Client } from '@elastic/elasticsearch';
import { errors } from '@elastic/elasticsearch';
import { indexNames, indexTemplate, type IndexKind } from './mappings.js';

/**
 * Makes `<prefix>-<kind>` point at the index of the current mapping version. First run: put
 * the template, create `-vN`, add the alias. After a mapping change (N grew): create `-vN`,
 * copy the documents over with `_reindex`, swap the alias in one atomic `_aliases` call, then
 * drop the old index. Readers see the old index until the swap, the new one after it.
 */
export async function ensureVersionedIndex(client: Client, prefix: string, kind: IndexKind): Promise<string> {
  const names = indexNames(prefix, kind);
  await client.indices.putIndexTemplate(indexTemplate(prefix, kind));
  const current = await aliasTargets(client, names.alias);
  if (current.length === 1 && current[0] === names.versioned) return names.versioned;
  await createIfMissing(client, names.versioned);
  const old = current.filter((index) => index !== names.versioned);
  if (old.length > 0) {
    await client.reindex({
      source: { index: old },
      dest: { index: names.versioned },
      conflicts: 'proceed',
      wait_for_completion: true,
      refresh: true,
    });
  }
  await client.indices.updateAliases({
    actions: [
      ...old.map((index) => ({ remove: { index, alias: names.alias } })),
      { add: { index: names.versioned, alias: names.alias, is_write_index: true } },
    ],
  });
  if (old.length > 0) await client.indices.delete({ index: old });
  return names.versioned;
}

/** Builds a fresh copy of an index under a new version and swaps the alias to it. */
export async function rebuildIndex(
  client: Client,
  prefix: string,
  kind: IndexKind,
  version: number,
): Promise<string> {
  const current = await aliasTargets(client, indexNames(prefix, kind).alias);
  const next = indexNames(prefix, kind, version).versioned;
  if (current.includes(next)) throw new Error(`${next} is already the live index`);
  await client.indices.putIndexTemplate(indexTemplate(prefix, kind));
  await createIfMissing(client, next);
  if (current.length > 0) {
    await client.reindex({
      source: { index: current },
      dest: { index: next },
      wait_for_completion: true,
      refresh: true,
    });
  }
  await client.indices.updateAliases({
    actions: [
      ...current.map((index) => ({ remove: { index, alias: indexNames(prefix, kind).alias } })),
      { add: { index: next, alias: indexNames(prefix, kind).alias, is_write_index: true } },
    ],
  });
  if (current.length > 0) await client.indices.delete({ index: current });
  return next;
}

export async function aliasTargets(client: Client, alias: string): Promise<string[]> {
  try {
    const response = await client.indices.getAlias({ name: alias });
    return Object.keys(response).sort();
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return [];
    throw error;
  }
}

async function createIfMissing(client: Client, index: string): Promise<void> {
  try {
    await client.indices.create({ index });
  } catch (error) {
    const already =
      error instanceof errors.ResponseError &&
      error.statusCode === 400 &&
      JSON.stringify(error.body).includes('resource_already_exists_exception');
    if (!already) throw error;
  }
}
