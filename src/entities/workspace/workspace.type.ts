import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { WorkspaceStatus } from './workspace-status.type';
import { WorkspaceType } from './workspace-type.type';

@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, description: 'A workspace: a PrivX user directory (a "source") that users come from.' })
export class Workspace {
  @Field(() => ID, { description: 'The directory (source) uuid.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'The directory name.' })
  name!: string | null;

  @Field(() => WorkspaceType, { nullable: true, description: 'The kind of directory.' })
  type!: WorkspaceType | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the directory is enabled; users of a disabled one are INACTIVE.' })
  enabled!: boolean | null;

  @Field(() => String, { nullable: true, description: 'The id of the owning organization; always null, PrivX directories belong to none.' })
  organization!: string | null;

  // No scope: a directory's health is operational, and users' `rawStatus` already shows its status code.
  @Field(() => WorkspaceStatus, { nullable: true, description: 'The health of the directory; null when PrivX gives no status code. Needs no scope: operational, not personal.' })
  status!: WorkspaceStatus | null;

  @Field(() => String, { nullable: true, description: "PrivX's explanation of the status (`status_text`), e.g. why a synchronisation failed." })
  statusText!: string | null;
}
