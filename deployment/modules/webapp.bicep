// App Service on Linux running CopBot (.NET 10): HTTPS only, Always On, health check on /healthz.
@description('Web app name (also the plan\'s, with a -plan suffix).')
param name string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object

@description('App Service plan SKU.')
param sku string

@description('Number of instances.')
param instanceCount int

@description('Resource id of the user-assigned identity the app runs as and resolves Key Vault references with.')
param identityId string

@description('Client id of that identity: CopBot signs in to Table Storage with it.')
param identityClientId string

@description('MicrosoftAppId.')
param botAppId string

@description('MicrosoftAppTenantId.')
param botTenantId string

@description('Key Vault URI of the client secret.')
param botAppPasswordSecretUri string

@description('Table service endpoint, e.g. https://<account>.table.core.windows.net/ (CopBot__TableEndpoint).')
param tableEndpoint string

@description('Queue service endpoint of the durable outbox (CopBot__QueueEndpoint), through the same managed identity.')
param queueEndpoint string

@description('CopBot__TablePrefix.')
param tablePrefix string

@description('Application Insights connection string; empty = no Application Insights.')
param applicationInsightsConnectionString string

// App Service reads secrets through Key Vault references: the values never appear in the site's configuration.
var keyVaultReference = '@Microsoft.KeyVault(SecretUri={0})'

var botSettings = [
  { name: 'MicrosoftAppId', value: botAppId }
  { name: 'MicrosoftAppType', value: 'SingleTenant' }
  { name: 'MicrosoftAppTenantId', value: botTenantId }
  { name: 'MicrosoftAppPassword', value: format(keyVaultReference, botAppPasswordSecretUri) }
  // Table Storage through the managed identity (Storage Table Data Contributor): no key or connection string.
  { name: 'CopBot__TableEndpoint', value: tableEndpoint }
  // The durable outbox (docs/reliability.md) on the account's queues (Storage Queue Data Contributor).
  { name: 'CopBot__QueueEndpoint', value: queueEndpoint }
  { name: 'CopBot__ManagedIdentityClientId', value: identityClientId }
  { name: 'CopBot__TablePrefix', value: tablePrefix }
  // Azure.Identity's own variable for the same identity, for any other Azure SDK client in the process.
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  // Without it CopBot listens on loopback only (its local default); App Service forwards to port 8080.
  { name: 'ASPNETCORE_URLS', value: 'http://+:8080' }
  { name: 'WEBSITES_PORT', value: '8080' }
  // Several instances: unhealthy ones leave the load balancer after 2 failed /healthz probes (minimum allowed).
  { name: 'WEBSITE_HEALTHCHECK_MAXPINGFAILURES', value: '2' }
]

var insightsSettings = empty(applicationInsightsConnectionString) ? [] : [
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
  { name: 'ApplicationInsightsAgent_EXTENSION_VERSION', value: '~3' }
]

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // turns are stateless per request; state is in Table Storage
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet CopBot.dll' // the zip from `dotnet publish src/CopBot` (README.md)
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: concat(botSettings, insightsSettings)
    }
  }
}

resource basicPublishingFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

@description('Default host name, e.g. copbot-abc.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
