// The Functions host's storage (Durable Functions queues and tables, host locks) and the blob container Flex
// Consumption deploys packages to. Identity access only: shared keys are off. Blob, queue and table requests are
// logged to Log Analytics.
import { principal } from 'types.bicep'

param location string
param accountName string

@description('Resource id of the app\'s identity: known when the deployment starts, so it names the role assignments (What-If can predict them).')
param appIdentityId string

@description('Object id of the app\'s identity (known only once it exists).')
param appPrincipalId string

@description('Optional developer or deployer who gets the same data roles as the app.')
param developer principal?

@description('Log Analytics workspace the diagnostic settings send to.')
param workspaceId string

var deploymentContainerName = 'app-package'

var roles = {
  blobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  queueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  tableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// The app, and the optional developer: `key` names the role assignments (known when the deployment starts).
var grantees = concat(
  [{ key: appIdentityId, id: appPrincipalId, type: 'ServicePrincipal' }],
  developer == null ? [] : [{ key: developer!.id, id: developer!.id, type: developer!.type }])

// Every grantee gets every role.
var assignments = flatten(map(grantees, p => map(items(roles), role => { principal: p, roleId: role.value })))

resource account 'Microsoft.Storage/storageAccounts@2025-06-01' = {
  name: accountName
  location: location
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    supportsHttpsTrafficOnly: true
    defaultToOAuthAuthentication: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-06-01' = {
  parent: account
  name: 'default'
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-06-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: { publicAccess: 'None' }
}

var storageLogs = [
  { category: 'StorageRead', enabled: true }
  { category: 'StorageWrite', enabled: true }
  { category: 'StorageDelete', enabled: true }
]
var storageMetrics = [
  { category: 'Transaction', enabled: true }
]

// The linter offers 2016-09-01, an older shape of another resource (no categories, no Log Analytics destination type):
// 2021-05-01-preview is the newest version of diagnostic settings as Azure Monitor documents them.
#disable-next-line use-recent-api-versions
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: blobService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: storageMetrics
  }
}

// (2021-05-01-preview: see blobDiagnostics.)
#disable-next-line use-recent-api-versions
resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: queueService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: storageMetrics
  }
}

// (2021-05-01-preview: see blobDiagnostics.)
#disable-next-line use-recent-api-versions
resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: tableService
  properties: {
    workspaceId: workspaceId
    logs: storageLogs
    metrics: storageMetrics
  }
}

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for assignment in assignments: {
  name: guid(account.id, assignment.principal.key, assignment.roleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleId)
    principalId: assignment.principal.id
    principalType: assignment.principal.type
  }
}]

output accountName string = account.name
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainer.name}'
