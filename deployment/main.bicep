// CopBot on Azure: single-tenant Azure Bot (Teams channel) → App Service on Linux (.NET 10) → Table Storage.
// The bot's client secret lives in Key Vault, read through a Key Vault reference; Table Storage is reached with
// the web app's user-assigned managed identity (no account key anywhere). See README.md in this folder.
targetScope = 'resourceGroup'

@description('Azure region of every regional resource (the bot registration itself is global).')
param location string = resourceGroup().location

@description('Short lowercase prefix of resource names (3-11 letters or digits); a hash of the resource group makes them unique.')
@minLength(3)
@maxLength(11)
param namePrefix string = 'copbot'

@description('Client id of the bot\'s single-tenant Entra app registration (MicrosoftAppId).')
@minLength(36)
@maxLength(36)
param botAppId string

@description('Entra tenant of the app registration (MicrosoftAppTenantId); defaults to the deployment\'s tenant.')
param botTenantId string = tenant().tenantId

@description('Client secret of the app registration (MicrosoftAppPassword); stored in Key Vault, never in app settings.')
@secure()
param botAppPassword string

@description('App Service plan SKU; Always On needs Basic (B1) or above.')
@allowed(['B1', 'B2', 'B3', 'S1', 'S2', 'S3', 'P0v3', 'P1v3', 'P2v3'])
param appServiceSku string = 'B1'

@description('Number of web app instances; all share the storage account (see README.md, "Scaling out").')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Azure Bot pricing tier: F0 is free (Teams is a standard channel), S1 for premium channels and SLA.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Prefix of every Table Storage table name (CopBot__TablePrefix); give each bot sharing a storage account its own.')
@minLength(1)
@maxLength(44)
param tablePrefix string = 'CopBot'

@description('Create Application Insights (with a Log Analytics workspace) and auto-instrument the web app.')
param enableApplicationInsights bool = false

@description('Tags applied to every resource.')
param tags object = { application: 'CopBot' }

var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-${suffix}'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-id-${suffix}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: take(toLower('${namePrefix}${suffix}'), 24)
    location: location
    tags: tags
    principalId: identity.properties.principalId
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: take('kv-${namePrefix}-${suffix}', 24)
    location: location
    tags: tags
    principalId: identity.properties.principalId
    botAppPassword: botAppPassword
  }
}

module monitoring 'modules/monitoring.bicep' = if (enableApplicationInsights) {
  name: 'monitoring'
  params: {
    namePrefix: '${namePrefix}-${suffix}'
    location: location
    tags: tags
  }
}

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    name: webAppName
    location: location
    tags: tags
    sku: appServiceSku
    instanceCount: instanceCount
    identityId: identity.id
    identityClientId: identity.properties.clientId
    botAppId: botAppId
    botTenantId: botTenantId
    botAppPasswordSecretUri: vault.outputs.botAppPasswordSecretUri
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tablePrefix: tablePrefix
    applicationInsightsConnectionString: enableApplicationInsights ? monitoring!.outputs.connectionString : ''
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    tags: tags
    sku: botSku
    botAppId: botAppId
    botTenantId: botTenantId
    messagingEndpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    applicationInsightsAppId: enableApplicationInsights ? monitoring!.outputs.appId : ''
  }
}

@description('Name of the web app (for az webapp deploy).')
output webAppName string = webAppName

@description('Messaging endpoint configured on the Azure Bot.')
output messagingEndpoint string = 'https://${web.outputs.defaultHostName}/api/messages'

@description('Health endpoint: 200 once Table Storage answers.')
output healthUrl string = 'https://${web.outputs.defaultHostName}/healthz'

@description('Table service endpoint (CopBot__TableEndpoint), e.g. for the admin CLI (README.md).')
output tableEndpoint string = storage.outputs.tableEndpoint

@description('Storage account holding the CopBot tables.')
output storageAccountName string = storage.outputs.name

@description('Client id of the web app\'s managed identity, which signs in to Table Storage.')
output managedIdentityClientId string = identity.properties.clientId
