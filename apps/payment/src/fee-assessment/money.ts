import { MAX_FEE_LINE_VND } from '@hub/contracts';

/**
 * The sum of fee lines in whole VND, added as BigInt so that no step rounds. Every line must be a whole amount from
 * 0 to 10^12 VND (the catalogue refuses more) and the total a safe integer; anything else is a broken event, not a
 * fee, and throws.
 */
export function sumVnd(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) {
    if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_FEE_LINE_VND) {
      throw new RangeError(`a fee line of ${amount} VND is not a whole amount from 0 to ${MAX_FEE_LINE_VND} VND`);
    }
    total += BigInt(amount);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`fee lines totalling ${total} VND cannot be stored exactly`);
  return Number(total);
}
