import { Injectable } from '@nestjs/common';
import type { DossierStatus } from '@hub/contracts';
import { AppError, validatePayload, type CommandOrigin } from '@hub/platform';
import type { Step } from '../../domain/dossier-state';
import { stepTermsOf, type StepWithTerms } from '../../step-terms';
import { DossierLifecycle } from '../../dossier-lifecycle';
import { DossierErrors, type DossierError } from '../../dossier.errors';
import { recordProblem } from '../sync-dossiers/record-problem';
import { MAX_STEPS_BATCH, RecordedStepDto, type RecordStepsCommand, type RecordStepsResponse, type RecordStepsResultDto } from './record-steps.command';

interface Group {
  code: string;
  indexes: number[];
  steps: Step[];
  error?: DossierError;
}

/**
 * Progress steps from an agency system: steps repeat and arrive out of order across calls, so a step known by its
 * time, status and content changes nothing. Each dossier's steps are decided together under the dossier's lock
 * (all or nothing per dossier), through the same status machine as sync; the status changes they make are events.
 */
@Injectable()
export class RecordStepsUseCase {
  constructor(private readonly lifecycle: DossierLifecycle) {}

  async execute({ steps, ...origin }: RecordStepsCommand): Promise<RecordStepsResponse> {
    if (steps.length < 1 || steps.length > MAX_STEPS_BATCH) throw DossierErrors.batchTooLarge(steps.length, MAX_STEPS_BATCH);
    const groups = groupByDossier(steps);
    const results: RecordStepsResultDto[] = [];
    for (const group of groups.values()) results.push(await this.recordOne(group, origin));
    return { results };
  }

  private async recordOne(group: Group, origin: CommandOrigin): Promise<RecordStepsResultDto> {
    const base = { code: group.code, indexes: group.indexes };
    if (group.error) return { ...base, outcome: 'rejected', status: null, problem: recordProblem(group.error) };
    try {
      let before = -1;
      const state = await this.lifecycle.run(group.code, origin, () => ({ kind: 'record-steps', steps: group.steps }), { loaded: (s) => (before = s.steps.length) });
      return { ...base, outcome: state.steps.length > before ? 'updated' : 'unchanged', status: state.status };
    } catch (error) {
      if (error instanceof AppError) return { ...base, outcome: 'rejected', status: null, problem: recordProblem(error as DossierError) };
      throw error;
    }
  }
}

function groupByDossier(raw: unknown[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const [index, item] of raw.entries()) {
    const code = typeof item === 'object' && item !== null && typeof (item as { code?: unknown }).code === 'string' ? (item as { code: string }).code : `#${index}`;
    const group = groups.get(code) ?? { code, indexes: [], steps: [] };
    groups.set(code, group);
    group.indexes.push(index);
    const validation = validatePayload(RecordedStepDto, item);
    if (!validation.ok) {
      group.error ??= DossierErrors.invalidRecord(validation.errors.map((e) => ({ ...e, field: `steps.${index}.${e.field}` })));
      continue;
    }
    const s = validation.value;
    const step: StepWithTerms = { at: new Date(s.at), status: s.status as DossierStatus, handledBy: s.handledBy ?? null, position: s.position ?? null, unit: s.unit ?? null, content: s.content ?? null, ...stepTermsOf(s) };
    group.steps.push(step);
  }
  return groups;
}
