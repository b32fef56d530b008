import { userInfo } from 'node:os';

/** The calling OS account's name, as the agent expects it in `auth.hello`. */
export const os = {
  userName(): string {
    return process.env.ELEVATE_USER || userInfo().username;
  },
};
