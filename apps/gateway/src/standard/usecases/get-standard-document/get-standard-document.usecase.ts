import { Inject, Injectable } from '@nestjs/common';
import { ProblemException } from '@hub/platform';
import { loadStandardFiles, STANDARD_DIR, type StandardFile } from '../../published-standard.files';

export interface GetStandardDocumentQuery {
  /** Path under /standard/, e.g. `asyncapi.json` or `schemas/events/dossier.submitted.v1.payload.json`. */
  path: string;
  ifNoneMatch?: string;
}

export interface StandardDocumentAnswer {
  notModified: boolean;
  file: StandardFile;
}

/** Serves one published document; an unchanged one (If-None-Match) answers 304 without a body. */
@Injectable()
export class GetStandardDocumentUseCase {
  private readonly files: Map<string, StandardFile>;

  constructor(@Inject(STANDARD_DIR) dir: string) {
    this.files = loadStandardFiles(dir);
  }

  execute(query: GetStandardDocumentQuery): StandardDocumentAnswer {
    const file = this.files.get(query.path);
    if (!file) {
      throw new ProblemException({
        status: 404,
        code: 'STANDARD_DOCUMENT_NOT_FOUND',
        title: 'No such document in the published data-packet standard',
        titleVi: 'Không có tài liệu này trong tiêu chuẩn gói tin đã công bố',
        detail: `/standard/${query.path} does not exist; /standard/index.json lists every schema`,
      });
    }
    const matches = query.ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === file.etag) ?? false;
    return { notModified: matches, file };
  }
}
