import { sumFees, unpaidFees } from './payment-request';

describe('unpaidFees', () => {
  const lp = { code: 'LP01', name: 'Lệ phí', amount: 50_000 };
  const p = { code: 'P02', name: 'Phí thẩm định', amount: 1_200_000 };

  it('leaves out lines a paid request already covered', () => {
    expect(unpaidFees([lp, p], [{ fees: [lp] }])).toEqual([p]);
  });
  it('charges a line again when its amount changed, and a repeated line once per payment', () => {
    expect(unpaidFees([{ ...lp, amount: 60_000 }], [{ fees: [lp] }])).toEqual([{ ...lp, amount: 60_000 }]);
    expect(unpaidFees([lp, lp], [{ fees: [lp] }])).toEqual([lp]);
  });
  it('drops zero lines and sums whole VND', () => {
    expect(unpaidFees([{ ...lp, amount: 0 }, p], [])).toEqual([p]);
    expect(sumFees([lp, p])).toBe(1_250_000);
  });
});
