import { noSuchEntity } from '../errors/aws-service-error.ts';
import type { SandboxStore } from '../state/sandbox-store.ts';
import type { AccountRecord, RoleRecord, UserRecord } from '../state/state-types.ts';

export function findAccount(store: SandboxStore, accountId: string): AccountRecord {
  const account = store.state.accounts.find((a) => a.id === accountId);
  if (account === undefined) throw noSuchEntity(`The account ${accountId} does not exist in this sandbox.`);
  return account;
}

// IAM names are unique without regard to case ("Role names are not distinguished by case").
export function findRole(store: SandboxStore, accountId: string, roleName: string): RoleRecord | undefined {
  const lower = roleName.toLowerCase();
  return store.state.roles.find((r) => r.accountId === accountId && r.roleName.toLowerCase() === lower);
}

export function getRole(store: SandboxStore, accountId: string, roleName: string): RoleRecord {
  const role = findRole(store, accountId, roleName);
  if (role === undefined) throw noSuchEntity(`The role with name ${roleName} cannot be found.`);
  return role;
}

export function findUser(store: SandboxStore, accountId: string, userName: string): UserRecord | undefined {
  const lower = userName.toLowerCase();
  return store.state.users.find((u) => u.accountId === accountId && u.userName.toLowerCase() === lower);
}

export function getUser(store: SandboxStore, accountId: string, userName: string): UserRecord {
  const user = findUser(store, accountId, userName);
  if (user === undefined) throw noSuchEntity(`The user with name ${userName} cannot be found.`);
  return user;
}
