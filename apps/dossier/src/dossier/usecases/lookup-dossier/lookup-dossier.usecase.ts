import { Injectable } from '@nestjs/common';
import { validationFailed } from '@hub/platform';
import { ProcedureVersionRepository } from '../../../procedure-read-model/procedure-version.repository';
import { DossierErrors } from '../../dossier.errors';
import { DossierStateStore } from '../../dossier-state.store';
import { LookupKeys } from '../../lookup-key';
import { LOOKUP_KEY_PATTERN } from '../sync-dossiers/sync-record.dto';
import { PublicDossierView } from './public-dossier.view';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface LookupDossierQuery {
  code: string;
  lookupKey: string | undefined;
}

/**
 * Public lookup by code and lookup key. An unknown code and a wrong key answer the very same 404, and the key is
 * compared (hashed, in constant time) even when the code is unknown.
 */
@Injectable()
export class LookupDossierUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: DossierStateStore,
    private readonly procedures: ProcedureVersionRepository,
    private readonly lookupKeys: LookupKeys,
  ) {}

  async execute(query: LookupDossierQuery): Promise<PublicDossierView> {
    if (query.lookupKey === undefined || !LOOKUP_KEY_PATTERN.test(query.lookupKey)) {
      throw validationFailed([{ field: 'lookupKey', code: 'MATCHES', message: 'lookupKey must be 6 to 32 letters or digits' }]);
    }
    const stored = (await this.store.load(this.dataSource.manager, [query.code])).get(query.code);
    if (!this.lookupKeys.matches(query.code, query.lookupKey, stored?.identity.lookupKeyHash ?? null) || !stored) throw DossierErrors.notFound(query.code);
    return PublicDossierView.from(stored.state, await this.procedures.nameOf(stored.state.procedureCode, stored.state.procedureVersion));
  }
}
