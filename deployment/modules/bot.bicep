// Azure Bot registration: single-tenant Entra identity, messaging endpoint on the web app, Teams channel on.
@description('Bot resource name (its handle).')
param name string

@description('Resource tags.')
param tags object

@description('Pricing tier.')
param sku string

@description('Client id of the single-tenant app registration.')
param botAppId string

@description('Tenant of the app registration.')
param botTenantId string

@description('https URL of POST /api/messages.')
param messagingEndpoint string

@description('Application Insights application id for the bot analytics blade; empty = none.')
param applicationInsightsAppId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: sku }
  properties: {
    displayName: 'CopBot'
    description: 'Routes community-of-practice requests to the members who know.'
    endpoint: messagingEndpoint
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
    developerAppInsightsApplicationId: empty(applicationInsightsAppId) ? null : applicationInsightsAppId
    disableLocalAuth: false
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

@description('Bot resource name.')
output name string = bot.name
