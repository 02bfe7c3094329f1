import { registerEnumType } from 'type-graphql';

export enum WorkspaceType {
  LOCAL = 'LOCAL',
  AD = 'AD',
  LDAP = 'LDAP',
  MICROSOFTGRAPH = 'MICROSOFTGRAPH',
  OIDC = 'OIDC',
  SCIM = 'SCIM',
  OTHER = 'OTHER',
}

registerEnumType(WorkspaceType, {
  name: 'WorkspaceType',
  description: 'The kind of user directory a workspace reads its users from.',
  valuesConfig: {
    LOCAL: { description: "PrivX's built-in local user store." },
    AD: { description: 'Microsoft Active Directory.' },
    LDAP: { description: 'An LDAP directory.' },
    MICROSOFTGRAPH: { description: 'Microsoft Entra ID through Microsoft Graph.' },
    OIDC: { description: 'An OpenID Connect identity provider.' },
    SCIM: { description: 'Users provisioned through SCIM.' },
    OTHER: { description: 'Any other or unknown directory type.' },
  },
});
