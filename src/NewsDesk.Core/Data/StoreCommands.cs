using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsDesk.Core.Data;

/// <summary>Plain ADO.NET commands on a context's own connection, for the few places where EF's query pipeline costs too much.</summary>
public static class StoreCommands
{
    /// <summary>
    /// Opens the connection through EF (so its connection interceptors, the pragmas, run, and a connection EF already
    /// holds for a transaction stays open), hands <paramref name="use"/> a command in the current transaction, if any,
    /// and releases the connection after.
    /// </summary>
    public static Task<T> WithCommandAsync<T>(this DbContext db, Func<DbCommand, Task<T>> use, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(use);
        return db.WithConnectionAsync(
            async connection =>
            {
                await using var command = connection.CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                return await use(command);
            },
            cancellationToken);
    }

    /// <summary>As <see cref="WithCommandAsync{T}"/>, for work that runs several commands of its own on the connection.</summary>
    public static async Task<T> WithConnectionAsync<T>(this DbContext db, Func<DbConnection, Task<T>> use, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(use);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await use(db.Database.GetDbConnection());
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
