import type { MetadataStorage as TransformerStorage } from 'class-transformer/types/MetadataStorage';

export type { TransformerStorage };

/** class-transformer keeps its decorators' metadata (@Type, @Transform…) in this module-level store, not exported from its index. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: TransformerStorage };
