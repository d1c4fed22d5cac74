/** An import body in the hub's own shape, as the published API document shows it (one record). */
export const IMPORT_BODY_EXAMPLE = {
  records: [
    {
      code: '1.001234',
      name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ',
      sectorCodes: ['G09-XD01'],
      publishingAgencyCode: '000.00.00.H31',
      implementingAgencyCodes: ['000.00.15.H31'],
      steps: [{ title: 'Nộp hồ sơ' }, { title: 'Thẩm định hồ sơ' }, { title: 'Trả kết quả' }],
      channels: [
        { channel: 'ONLINE', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }] },
        { channel: 'COUNTER', timeLimit: { amount: 15, unit: 'WORKING_DAY' }, fees: [{ code: 'LP01', name: 'Lệ phí cấp giấy phép xây dựng', amount: 75000 }] },
      ],
      requiredDocuments: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng', formName: 'Mẫu số 01', originals: 1, copies: 0 }],
      subjects: ['Công dân Việt Nam', 'Tổ chức'],
      results: ['Giấy phép xây dựng'],
      legalBasis: [{ number: '50/2014/QH13', title: 'Luật Xây dựng', issuedDate: '2014-06-18', issuedBy: 'Quốc hội' }],
      onlineLevel: 'FULL',
      publicationDecision: { number: '1234/QĐ-UBND', date: '2026-01-05', issuingAgencyCode: '000.00.00.H31' },
      effectiveFrom: '2026-01-15',
    },
  ],
};
