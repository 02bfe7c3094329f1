export { createLocalUser } from './create-local-user';
export { updateLocalUser } from './update-local-user';
export { deleteLocalUser } from './delete-local-user';
export { setLocalUserPassword } from './set-local-user-password';
export { resetUserMfa, terminateUserSessions } from './user-actions';
export { offboardUser } from './offboard-user';
