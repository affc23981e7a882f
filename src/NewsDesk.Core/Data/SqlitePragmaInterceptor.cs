using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsDesk.Core.Data;

/// <summary>
/// Sets the durability, locking and page-cache pragmas on every SQLite connection as it opens: the provider's defaults
/// (rollback journal, synchronous=NORMAL under WAL in some builds, no busy timeout) lose writes or fail fast under load,
/// and its 2 MiB page cache makes a search for common words read the same index pages again on every query.
/// Code that needs the raw connection must open it with <c>Database.OpenConnectionAsync()</c> so this runs.
/// </summary>
internal sealed class SqlitePragmaInterceptor(int busyTimeoutMilliseconds, int pageCacheMiB) : DbConnectionInterceptor
{
    private readonly string _pragmas = string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-{pageCacheMiB * 1024};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
