// Queues (saved searches): the public surface routes import.
export * from "./schemas";
export { assertUsable, createQueue, deleteQueue, getQueue, listQueues, queueTickets, updateQueue, type QueueView } from "./service";
export { systemQueue, systemQueues } from "./system";
