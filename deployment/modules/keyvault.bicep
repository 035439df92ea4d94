// Key Vault (RBAC mode) holding the bot's client secret. Table Storage needs no secret: the managed identity signs in.
@description('Key Vault name (3-24 characters).')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object

@description('Principal id of the web app\'s managed identity, granted Key Vault Secrets User.')
param principalId string

@description('Client secret of the bot\'s app registration.')
@secure()
param botAppPassword string

var secretsUserRole = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource botAppPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'MicrosoftAppPassword'
  properties: { value: botAppPassword }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, principalId, secretsUserRole)
  scope: vault
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRole)
  }
}

// Versionless URIs: App Service picks up a rotated secret without a redeployment.
#disable-next-line outputs-should-not-contain-secrets // the secret's address, not its value
@description('Key Vault URI of the MicrosoftAppPassword secret.')
output botAppPasswordSecretUri string = botAppPasswordSecret.properties.secretUri
