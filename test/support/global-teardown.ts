export default async function globalTeardown(): Promise<void> {
  await globalThis.__PAPERGRAPH_TEST_DB__?.stop();
}
