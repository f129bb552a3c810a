export { runJob, runDueJobs, type JobRunResult } from "./run";
export { registerJob, getJob, listJobs, type JobDefinition, type JobContext } from "./registry";
