import type * as Jose from 'jose';
import { lazyModule } from './lazy-module.js';

/**
 * jose (some fifty modules), loaded for the first JWT made or checked, or the first key thumbprint: a
 * gateway starting from its key files needs none of it. Its types are taken with `import type`.
 */
export const jose: () => Promise<typeof Jose> = lazyModule(() => import('jose'));
