// Optional Application Insights on a Log Analytics workspace (workspace-based, the only kind still offered).
@description('Name prefix of the workspace and the component.')
param namePrefix string

@description('Azure region.')
param location string

@description('Resource tags.')
param tags object

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${namePrefix}-logs'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${namePrefix}-ai'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

@description('Application Insights connection string (not a secret: it only allows sending telemetry).')
output connectionString string = insights.properties.ConnectionString

@description('Application Insights application id, shown by the Azure Bot analytics blade.')
output appId string = insights.properties.AppId
