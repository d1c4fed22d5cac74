// What the intake and intake-latency scenarios submit: online intakes of one bench procedure, implemented by 16
// agencies, and the procedure's row in the dossier's read model.

// A code no catalogue event on the broker uses (a fresh consumer group replays the catalogue topics).
export const PROCEDURE = `9.${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
export const AGENCIES = Array.from({ length: 16 }, (_, i) => `000.00.${String(10 + i).padStart(2, '0')}.H31`);

/** The body of online intake `i` to `agency` (a birth registration, ~300 bytes of JSON). */
export function intakeBody(agency, i) {
  return {
    procedureCode: PROCEDURE,
    receivingAgencyCode: agency,
    channel: 'ONLINE',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '001086001234', phone: '0912345678', address: `Số ${i} phố Huế, Hà Nội` },
    summary: 'Đăng ký khai sinh cho con (benchmark)',
  };
}

/** Publishes PROCEDURE (online, 3 working days, no fee, every agency of AGENCIES) in the dossier's read model. */
export function seedProcedure(ctx, dossierDatabaseUrl) {
  return ctx.withPg(dossierDatabaseUrl, (c) =>
    c.query(
      `INSERT INTO procedure_version (code, version, name, implementing_agency_codes, channels, online_level, effective_from)
       VALUES ($1, 1, 'Đăng ký khai sinh (bench)', $2, $3, 'FULL', '2020-01-01T00:00:00+07:00')
       ON CONFLICT (code, version) DO UPDATE SET implementing_agency_codes = EXCLUDED.implementing_agency_codes, channels = EXCLUDED.channels,
                                                 effective_from = EXCLUDED.effective_from`,
      [PROCEDURE, AGENCIES, JSON.stringify([{ channel: 'ONLINE', timeLimit: { amount: 3, unit: 'WORKING_DAY' }, fees: [] }])],
    ),
  );
}
