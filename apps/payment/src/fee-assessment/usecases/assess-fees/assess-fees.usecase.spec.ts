import type { FeeAssessmentEntity } from '../../fee-assessment.entity';
import { assess } from './assess-fees.usecase';

describe('assess', () => {
  const waiting: FeeAssessmentEntity = {
    dossierCode: '000.00.15.H31-260112-0001',
    procedureCode: '1.001234',
    procedureVersion: 2,
    receivingAgencyCode: '000.00.15.H31',
    channel: 'ONLINE',
    status: 'AWAITING_PROCEDURE',
    lines: [],
    totalAmount: 0,
    assessedAt: null,
    updatedAt: new Date(0),
  };
  const at = new Date('2026-01-12T02:00:00Z');

  it("charges the fee lines of the dossier's channel and sums them in whole VND", () => {
    const channels = [
      { channel: 'COUNTER', fees: [{ code: 'LP01', name: 'Lệ phí', amount: 100_000 }] },
      { channel: 'ONLINE', fees: [{ code: 'LP01', name: 'Lệ phí', amount: 75_000 }, { code: 'P02', name: 'Phí thẩm định', amount: 1_250_000 }] },
    ];
    expect(assess(waiting, channels, at)).toMatchObject({ status: 'ASSESSED', totalAmount: 1_325_000, assessedAt: at, lines: channels[1].fees });
  });

  it('assesses zero when the channel has no fees', () => {
    expect(assess(waiting, [{ channel: 'ONLINE', fees: [] }], at)).toMatchObject({ status: 'ASSESSED', totalAmount: 0, lines: [] });
  });
});
