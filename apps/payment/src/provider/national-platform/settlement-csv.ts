import { parseProviderAmount } from '../../shared/money';
import { StatementFormatError, type StatementLine } from '../payment-provider';

/** Header of the platform's daily settlement statement (đối soát), as the sandbox writes it. */
export const STATEMENT_HEADER = ['MaThamChieu', 'MaGiaoDich', 'SoTien', 'TrangThai', 'ThoiGianGD'] as const;
export const STATEMENT_STATUSES = ['PAID', 'REFUNDED'] as const;
/** At most this many lines in one statement. */
export const MAX_STATEMENT_LINES = 100_000;

/** Strict parse: every line must be whole; the first broken one is named and nothing is returned. */
export function parseSettlementCsv(csv: string): StatementLine[] {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
  if (rows.length === 0) throw new StatementFormatError(1, 'the statement is empty (a header line is required)');
  if (rows[0].trim() !== STATEMENT_HEADER.join(',')) throw new StatementFormatError(1, `the header must be ${STATEMENT_HEADER.join(',')}`);
  if (rows.length - 1 > MAX_STATEMENT_LINES) throw new StatementFormatError(MAX_STATEMENT_LINES + 2, `at most ${MAX_STATEMENT_LINES} lines`);
  const seen = new Set<string>();
  return rows.slice(1).map((row, i) => {
    const lineNumber = i + 2;
    const cells = row.split(',');
    if (cells.length !== STATEMENT_HEADER.length) throw new StatementFormatError(lineNumber, `expected ${STATEMENT_HEADER.length} values, found ${cells.length}`);
    const [reference, transactionId, amountText, status] = cells.map((c) => c.trim());
    if (!/^[A-Za-z0-9._-]{1,50}$/.test(reference)) throw new StatementFormatError(lineNumber, 'MaThamChieu must be 1-50 letters, digits, dots, dashes or underscores');
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(transactionId)) throw new StatementFormatError(lineNumber, 'MaGiaoDich is missing or malformed');
    const amount = parseProviderAmount(amountText);
    if (amount === undefined || amount === 0) throw new StatementFormatError(lineNumber, 'SoTien must be a whole positive number of VND');
    if (!(STATEMENT_STATUSES as readonly string[]).includes(status)) throw new StatementFormatError(lineNumber, `TrangThai must be one of ${STATEMENT_STATUSES.join(', ')}`);
    const key = `${reference}/${status}`;
    if (seen.has(key)) throw new StatementFormatError(lineNumber, `${reference} is listed twice as ${status}`);
    seen.add(key);
    return { lineNumber, reference, transactionId, amount, status };
  });
}
