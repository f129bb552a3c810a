// Tasks: internal work items with their own thread. The public surface routes and other domains import.
export { toTaskItem, toTaskSummary, type TaskItem } from "./dto";
export { getTaskDetail, listTasks } from "./queries";
export { taskScope, taskVisible, type TaskActor } from "./scope";
export { addTaskNote, assignTask, closeTask, createTask, editTask, reopenTask, transferTask } from "./service";
export { moveTasksToTicket, settleOpenTasks, tasksOfTicket, ticketsWithOpenTasks } from "./tickets";
export * from "./schemas";
