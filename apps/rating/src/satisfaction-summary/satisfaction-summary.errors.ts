import { AppError } from '@hub/platform';

export type SatisfactionSummaryErrorCode = 'SATISFACTION_SUMMARY_INVALID' | 'AGENCY_SCOPE_VIOLATION';

export const SatisfactionSummaryErrors = {
  duplicate: (index: number) =>
    new AppError<SatisfactionSummaryErrorCode>('SATISFACTION_SUMMARY_INVALID', `summaries.${index} repeats an agency, month and question of the same report`, {
      messageVi: 'Báo cáo có hai bản ghi trùng cơ quan, tháng và câu hỏi',
      fields: [{ field: `summaries.${index}`, code: 'DUPLICATE', message: 'agency, month and question repeat an earlier item' }],
    }),
  outOfScope: (agency: string) =>
    new AppError<SatisfactionSummaryErrorCode>('AGENCY_SCOPE_VIOLATION', `The caller may not report for agency ${agency}`, {
      messageVi: 'Hệ thống gọi không được phép báo cáo cho cơ quan này',
    }),
};
