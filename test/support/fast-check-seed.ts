/**
 * The seed of a file's fast-check runs: FC_SEED when set (to replay a failure), else a fresh one,
 * printed either way so that any run, failed or not, can be replayed exactly.
 */
export function fastCheckSeed(suite: string): number {
  const seed = process.env.FC_SEED
    ? Number(process.env.FC_SEED)
    : Math.floor(Math.random() * 2 ** 31);
  console.log(`[fast-check] ${suite}: seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}
