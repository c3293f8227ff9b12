/** Who signed a request, resolved from its access key. */
export type Caller =
  | { kind: 'root'; accountId: string; arn: string; userId: string; accessKeyId: string }
  | { kind: 'user'; accountId: string; arn: string; userId: string; userName: string; accessKeyId: string }
  | {
      kind: 'assumed-role';
      accountId: string;
      /** `arn:aws:sts::<account>:assumed-role/<role>/<session>` */
      arn: string;
      /** `<roleId>:<session>` */
      userId: string;
      roleArn: string;
      roleName: string;
      roleSessionName: string;
      accessKeyId: string;
      principalTags: Record<string, string>;
    };

export const rootArn = (accountId: string): string => `arn:aws:iam::${accountId}:root`;
