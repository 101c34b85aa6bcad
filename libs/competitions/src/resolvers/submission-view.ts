import { StageSubmission } from '../entities/stage-submission.entity';
import { SubmissionType } from '../dtos/submission.type';

export const submissionView = (s: StageSubmission): SubmissionType => ({ stageNumber: s.stageNumber, version: s.version, answers: JSON.stringify(s.answers), diff: JSON.stringify(s.diff), submittedAt: s.submittedAt });
