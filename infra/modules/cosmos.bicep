// Cosmos DB for NoSQL, the system of record: the database and containers the app expects (the layouts of
// EventSourcing.Cosmos.Setup.CosmosSetup, checked by tests/Infrastructure.Tests), reachable only through Entra ID
// (local auth off), with continuous backup for point-in-time restore, an optional delete lock, and data-plane, partition
// key RU and control-plane logs in Log Analytics.
import { principal } from 'types.bicep'

param location string
param accountName string
param databaseName string

@description('Resource id of the app\'s identity: known when the deployment starts, so it names the role assignments (What-If can predict them).')
param appIdentityId string

@description('Object id of the app\'s identity (known only once it exists).')
param appPrincipalId string

@description('Optional developer or deployer who gets the same data roles as the app.')
param developer principal?

@description('serverless (pay per request, capped throughput, no SLA) or autoscale (provisioned throughput shared by the database\'s containers).')
param throughputMode 'serverless' | 'autoscale'

@description('Autoscale only: the most RU/s the database scales up to (it scales down to a tenth of it).')
@minValue(1000)
param autoscaleMaxThroughput int

@description('Point-in-time restore window of the continuous backup.')
param backupTier 'Continuous7Days' | 'Continuous30Days'

@description('Puts a CanNotDelete lock on the account, so neither a mistaken deployment nor a person deletes the event store.')
param lockAccount bool

@description('Log Analytics workspace the diagnostic settings send to.')
param workspaceId string

var dataContributor = '00000000-0000-0000-0000-000000000002'
var serverless = throughputMode == 'serverless'

// The app, and the optional developer: `key` names the role assignments (known when the deployment starts).
var grantees = concat(
  [{ key: appIdentityId, id: appPrincipalId, type: 'ServicePrincipal' }],
  developer == null ? [] : [{ key: developer!.id, id: developer!.id, type: developer!.type }])

// Each entry is a container's `resource` body (typed, so the compiler checks the property names).
var containers resourceInput<'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15'>.properties.resource[] = [
  {
    // Commits and tips, one logical partition per stream. Only what appends, reads and the stream listing query is indexed.
    id: 'events'
    partitionKey: { paths: ['/streamId'], kind: 'Hash' }
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/streamId/?' }
        { path: '/kind/?' }
        { path: '/first/?' }
        { path: '/last/?' }
        { path: '/timestamp/?' }
        { path: '/events/[]/id/?' }
        { path: '/events/[]/correlationId/?' }
      ]
      excludedPaths: [
        { path: '/*' }
      ]
      // Correlation traces: every event of one correlation id across partitions, in (timestamp, streamId, first) order.
      compositeIndexes: [
        [
          { path: '/timestamp', order: 'ascending' }
          { path: '/streamId', order: 'ascending' }
          { path: '/first', order: 'ascending' }
        ]
      ]
    }
  }
  {
    // Change-feed leases (the Functions trigger does not create them: the identity has data-plane rights only).
    id: 'leases'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
  }
  {
    // Read models are queried on any property except the per-stream version map.
    id: 'readmodels'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: [
        { path: '/*' }
      ]
      excludedPaths: [
        { path: '/versions/*' }
      ]
    }
  }
  {
    // Parked projection events.
    id: 'deadletters'
    partitionKey: { paths: ['/streamId'], kind: 'Hash' }
  }
  {
    // Idempotency records, read by id only. TTL is on (-1: no default expiry) so a record can carry its own ttl.
    id: 'requests'
    partitionKey: { paths: ['/id'], kind: 'Hash' }
    defaultTtl: -1
    indexingPolicy: {
      indexingMode: 'consistent'
      automatic: true
      includedPaths: []
      excludedPaths: [
        { path: '/*' }
      ]
    }
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2025-10-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: backupTier }
    }
    disableLocalAuth: true
    // Databases and containers change through ARM (this template) only, never through a data-plane identity.
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource deleteLock 'Microsoft.Authorization/locks@2020-05-01' = if (lockAccount) {
  name: 'do-not-delete-the-event-store'
  scope: account
  properties: {
    level: 'CanNotDelete'
    notes: 'The system of record of the ordering backend. Remove this lock (lockCosmosAccount=false) before deleting the account.'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2025-10-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    // Serverless takes no throughput; autoscale throughput is shared by every container of the database.
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2025-10-15' = [for container in containers: {
  parent: database
  name: container.id
  properties: {
    resource: container
  }
}]

// A Cosmos data-plane assignment (not Microsoft.Authorization/roleAssignments), scoped to the app's database only.
resource dataContributorAssignments 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2025-10-15' = [for p in grantees: {
  parent: account
  name: guid(account.id, databaseName, p.key, dataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributor}'
    principalId: p.id
    scope: '${account.id}/dbs/${database.name}'
  }
}]

// Resource-specific tables (CDBDataPlaneRequests, CDBPartitionKeyRUConsumption, CDBControlPlaneRequests): who did what,
// and which stream partition is hot.
// The linter offers 2016-09-01, an older shape of another resource (no categories, no Log Analytics destination type):
// 2021-05-01-preview is the newest version of diagnostic settings as Azure Monitor documents them.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      { category: 'DataPlaneRequests', enabled: true }
      { category: 'PartitionKeyRUConsumption', enabled: true }
      { category: 'ControlPlaneRequests', enabled: true }
    ]
  }
}

output endpoint string = account.properties.documentEndpoint
