namespace EventSourcing.Sqlite;

/// <summary>A store that can report the settings of the connections it writes through (see <see cref="ConnectionSettings"/>).</summary>
internal interface IReportsConnectionSettings
{
    Task<IReadOnlyList<ConnectionSettings>> ReadConnectionSettingsAsync(CancellationToken cancellationToken = default);
}
