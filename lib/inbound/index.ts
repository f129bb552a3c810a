// The inbound email pipeline and its doors.
export { processInboundEmail, NO_HEADER_BLOCK, type InboundResult } from "./process";
export { verifyInboundSecret, readRawMime, RAW_MIME_FIELDS } from "./webhook";
export { pipeToDatabase, pipeToServer, EXIT, type PipeOutcome } from "./pipe";
export { isBanned, replyAction } from "./rules";
export type { InboundDoor, InboundOutcome } from "./log";
