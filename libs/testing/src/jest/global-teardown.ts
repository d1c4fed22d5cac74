import type { Infrastructure } from '../infra/infrastructure';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __hubInfra?: Infrastructure }).__hubInfra?.release();
}
