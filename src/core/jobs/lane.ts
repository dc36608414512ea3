import type { HandlersOf } from '../../shared/contract';
import type { filesContract } from '../../shared/contracts/files';
import type { jobsContract } from '../../shared/contracts/jobs';
import type { OpenAssessment } from '../assessment/openAssessment';
import { BlobCapabilities } from '../blobs/blobCapabilities';
import { createFileHandlers } from '../blobs/handlers';
import { createJobHandlers } from './handlers';
import { JobRunner } from './jobRunner';

/**
 * One core's job runner and file capabilities, kept beside its state so the carriers (Electron
 * main, browser mode) can subscribe to job events and serve capability addresses.
 */
export interface JobLane {
  runner: JobRunner;
  capabilities: BlobCapabilities;
}

const lanes = new WeakMap<object, JobLane>();

export function laneFor(state: object): JobLane {
  let lane = lanes.get(state);
  if (!lane) {
    lane = { runner: new JobRunner(), capabilities: new BlobCapabilities() };
    lanes.set(state, lane);
  }
  return lane;
}

export function createJobLaneHandlers(
  state: object,
  current: () => OpenAssessment,
): HandlersOf<typeof jobsContract> & HandlersOf<typeof filesContract> {
  const lane = laneFor(state);
  return {
    ...createJobHandlers({ runner: lane.runner, current }),
    ...createFileHandlers({ current, capabilities: lane.capabilities }),
  };
}
