import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatInZone } from '@hub/calendar';
import { DUE_DATE_STATES, FEE_CHANNELS, NOTICE_FORM_CODES, TIMELINESS_CLASSES, type Channel } from '@hub/contracts';
import type { DossierState, Notice, StatusChange } from '../../domain/dossier-state';
import { maskEmail, maskIdNumber, maskPhone } from '@hub/platform';
import { feeTotal } from '../../domain/events';
import { STATUS_NAMES } from '../../domain/status-machine';
import { stepViewOf } from '../../step-terms';
import { supplementViewOf } from '../../supplements';

const iso = (d: Date | null): string | null => (d ? formatInZone(d) : null);

export class StatusNameView {
  @ApiProperty({ example: 'Đang xử lý' }) vi!: string;
  @ApiProperty({ example: 'Processing' }) en!: string;
}

/** Personal data by need (access-policy.ts): `masked` hides all but the end of the ID number, phone and e-mail, and the address. */
export type Disclosure = 'full' | 'masked';

export class ApplicantView {
  @ApiProperty() fullName!: string;
  @ApiPropertyOptional({ example: '********1234', description: 'Masked (all but the last 4 digits) unless the reader is the owning agency or holds dossier:read-personal; absent when the agency system did not sync one' })
  idNumber?: string;
  @ApiPropertyOptional({ example: '*******678' }) phone?: string;
  @ApiPropertyOptional({ example: 'a***@example.vn' }) email?: string;
  @ApiPropertyOptional({ description: 'Left out when masked' }) address?: string;
  @ApiProperty({ enum: ['full', 'masked'], description: 'Whether the reader sees the personal data in full' }) disclosure!: Disclosure;

  static from(a: DossierState['applicant'], disclosure: Disclosure): ApplicantView {
    if (disclosure === 'full') return { ...a, disclosure };
    return {
      fullName: a.fullName,
      ...(a.idNumber ? { idNumber: maskIdNumber(a.idNumber) } : {}),
      ...(a.phone ? { phone: maskPhone(a.phone) } : {}),
      ...(a.email ? { email: maskEmail(a.email) } : {}),
      disclosure,
    };
  }
}

export class PauseView {
  @ApiProperty() status!: number;
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) to!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Whole working days the pause gave back' }) workingDays!: number | null;
}

export class ExtensionView {
  @ApiProperty() noticeNumber!: string;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty({ format: 'date-time' }) previousDueAt!: string;
  @ApiProperty({ format: 'date-time' }) newDueAt!: string;
  @ApiProperty({ description: 'Issued less than one working day before the due date it replaced' }) late!: boolean;
}

export class NoticeView {
  @ApiProperty({ enum: NOTICE_FORM_CODES, example: '02' }) form!: string;
  @ApiProperty({ example: '12/TB-SXD' }) number!: string;
  @ApiProperty({ format: 'date-time', example: '2026-01-14T10:00:00+07:00' }) issuedAt!: string;
  @ApiProperty({ example: 'Nguyễn Văn B' }) signedBy!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Thiếu bản vẽ thiết kế mặt bằng' }) reason!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null }) newDueAt!: string | null;
  @ApiProperty({ example: false }) late!: boolean;
  @ApiProperty({ enum: ['agency', 'hub'], example: 'agency' }) source!: string;

  static from(n: Notice): NoticeView {
    return { form: n.form, number: n.number, issuedAt: formatInZone(n.issuedAt), signedBy: n.signedBy, reason: n.reason, newDueAt: iso(n.newDueAt), late: n.late, source: n.source };
  }
}

export class StatusChangeView {
  @ApiProperty({ nullable: true, type: Number }) from!: number | null;
  @ApiProperty() to!: number;
  @ApiProperty({ type: StatusNameView }) toName!: StatusNameView;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['sync', 'portal', 'hub'] }) source!: string;
  @ApiProperty({ description: 'The sync version that carried it (0: the hub or the portal)' }) version!: number;

  static from(c: StatusChange): StatusChangeView {
    return { from: c.from, to: c.to, toName: STATUS_NAMES[c.to], at: formatInZone(c.at), source: c.source, version: c.version };
  }
}

export class StepView {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ nullable: true, type: String }) handledBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty({ nullable: true, type: String }) unit!: string | null;
  @ApiProperty({ nullable: true, type: String }) content!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the step started, as the agency system said (NgayBatDau)' }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: "The end the agency's own rules set for the step (NgayKetThucTheoQuyDinh); the dossier's due date is dueAt" }) dueAt!: string | null;
}

export class DocumentView {
  @ApiPropertyOptional() id?: string;
  @ApiPropertyOptional() componentCode?: string;
  @ApiProperty() name!: string;
  @ApiProperty() copies!: number;
  @ApiProperty() digitised!: boolean;
}
export class FeeView {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Whole VND' }) amount!: number;
}
export class ResultView {
  @ApiPropertyOptional({ description: "The sending system's id of the result document, when it sent one" }) id?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) number!: string | null;
  @ApiProperty() electronic!: boolean;
}

export class SupplementView {
  @ApiPropertyOptional({ description: "The agency system's id of the supplement, when it reported one" }) id?: string;
  @ApiProperty({ format: 'date-time', description: 'When the documents were supplied (taken in)' }) at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the agency had asked for them, when it said' }) requestedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: ['applicant', 'agency'], description: 'The applicant through the portal, or the agency system that took them in' }) reportedBy!: 'applicant' | 'agency';
}

/** The full national record of a dossier, for whoever may see it. */
export class DossierView {
  @ApiProperty() code!: string;
  @ApiProperty({ description: 'Highest sync version applied (0: only the hub intake)' }) version!: number;
  @ApiProperty({ minimum: 1, maximum: 10 }) status!: number;
  @ApiProperty({ type: StatusNameView }) statusName!: StatusNameView;
  @ApiProperty() procedureCode!: string;
  @ApiProperty() procedureVersion!: number;
  @ApiProperty() receivingAgencyCode!: string;
  @ApiProperty({ enum: FEE_CHANNELS }) channel!: Channel;
  @ApiProperty({ type: ApplicantView }) applicant!: ApplicantView;
  @ApiPropertyOptional({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) statusChangedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: "The agency's own appointment date" }) appointmentAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: "The hub's due date (after pauses and the extension)" }) dueAt!: string | null;
  @ApiProperty({ enum: DUE_DATE_STATES }) dueDateState!: string;
  @ApiProperty({ description: "The agency's appointment differs from the hub's due date" }) appointmentDiffers!: boolean;
  @ApiProperty({ enum: ['DUE_SOON', 'OVERDUE'], nullable: true, type: String }) dueState!: string | null;
  @ApiProperty({ type: [PauseView] }) pauses!: PauseView[];
  @ApiProperty({ type: ExtensionView, nullable: true }) extension!: ExtensionView | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
  @ApiProperty({ enum: TIMELINESS_CLASSES, nullable: true, type: String }) timeliness!: string | null;
  @ApiProperty({ type: [NoticeView] }) notices!: NoticeView[];
  @ApiProperty({ type: [StepView] }) steps!: StepView[];
  @ApiProperty({ type: [DocumentView] }) documents!: DocumentView[];
  @ApiProperty({ type: [FeeView] }) fees!: FeeView[];
  @ApiProperty({ description: 'Whole VND' }) feeTotal!: number;
  @ApiProperty({ type: [ResultView] }) results!: ResultView[];
  @ApiProperty({ type: [SupplementView], description: 'Documents supplied while the dossier waited in status 5, in time order' }) supplements!: SupplementView[];

  /** `disclosure` is decided by the access policy for the reader (DossierDisclosure); never defaulted. */
  static from(d: DossierState, disclosure: Disclosure): DossierView {
    const appointmentDiffers = d.appointmentAt !== null && d.dueAt !== null && d.appointmentAt.getTime() !== d.dueAt.getTime();
    return {
      code: d.code,
      version: d.version,
      status: d.status,
      statusName: STATUS_NAMES[d.status],
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      receivingAgencyCode: d.receivingAgencyCode,
      channel: d.channel,
      applicant: ApplicantView.from(d.applicant, disclosure),
      summary: d.summary,
      receivedAt: formatInZone(d.receivedAt),
      statusChangedAt: formatInZone(d.statusChangedAt),
      appointmentAt: iso(d.appointmentAt),
      dueAt: iso(d.dueAt),
      dueDateState: d.dueDateState,
      appointmentDiffers,
      dueState: d.dueState,
      pauses: d.pauses.map((p) => ({ status: p.status, from: formatInZone(p.from), to: iso(p.to), workingDays: p.workingDays })),
      extension: d.extension
        ? { noticeNumber: d.extension.noticeNumber, issuedAt: formatInZone(d.extension.issuedAt), previousDueAt: formatInZone(d.extension.previousDueAt), newDueAt: formatInZone(d.extension.newDueAt), late: d.extension.late }
        : null,
      finishedAt: iso(d.finishedAt),
      timeliness: d.timeliness,
      notices: d.notices.map(NoticeView.from),
      steps: d.steps.map(stepViewOf),
      documents: d.documents,
      fees: d.fees,
      feeTotal: feeTotal(d),
      results: d.results,
      supplements: d.supplements.map(supplementViewOf),
    };
  }
}
