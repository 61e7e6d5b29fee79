// Log Analytics (Entra ID queries only) + workspace-based Application Insights that accepts only Entra ID-authenticated
// telemetry. Every other module sends its diagnostic settings to this workspace.
param location string
param workspaceName string
param appInsightsName string

@description('Days the workspace keeps logs.')
param retentionInDays int

@description('Resource id of the identity that sends telemetry (gets Monitoring Metrics Publisher on Application Insights); it names the assignment.')
param publisherIdentityId string

@description('Object id of that identity.')
param publisherPrincipalId string

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    features: {
      // No shared keys: queries and ingestion go through Entra ID.
      disableLocalAuth: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherIdentityId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceId string = workspace.id
output connectionString string = appInsights.properties.ConnectionString
