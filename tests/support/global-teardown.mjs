export default async function globalTeardown() {
  await globalThis.__cairnCluster?.stop();
}
