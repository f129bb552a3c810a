// Users (the clients who open tickets): the public surface routes and other domains import.
export { toUser, type User } from "./dto";
export { getUser, getUserDetail, listUsers, searchUsers } from "./queries";
export { createUser, deleteUser, updateUser } from "./service";
export * from "./schemas";
