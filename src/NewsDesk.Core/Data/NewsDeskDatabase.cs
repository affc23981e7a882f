using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Search;

namespace NewsDesk.Core.Data;

/// <summary>Brings the store up to date at start; every host calls this before serving.</summary>
public static partial class NewsDeskDatabase
{
    /// <summary>
    /// Creates the data directory, applies pending migrations and restores the search index's triggers if a migration
    /// dropped them (<see cref="SqliteSearchSchema"/>). Failures become a one-line <see cref="StoreUnavailableException"/>.
    /// </summary>
    public static async Task MigrateAsync(NewsDeskDbContext db, NewsDeskPaths paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(paths);
        var file = paths.DatabaseFile;
        var where = file ?? "(in memory)";
        try
        {
            if (file is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            }

            // Migrate() also diffs the model against the snapshot, which costs most of a second at every start;
            // asking the history table first keeps restarts fast. Migrate() takes a lock, so racing instances are safe.
            var applied = await AppliedMigrationsAsync(db, cancellationToken);
            if (db.Database.GetMigrations().Any(m => !applied.Contains(m)))
            {
                await db.Database.MigrateAsync(cancellationToken);
                await BackfillAsync(db, cancellationToken);
            }

            if (await SqliteSearchSchema.EnsureAsync(db, cancellationToken))
            {
                LogSearchRepaired(db.GetService<ILoggerFactory>().CreateLogger(typeof(NewsDeskDatabase)));
            }
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Cannot open the database {where}: {OneLine(ex.Message)}", ex);
        }
    }

    /// <summary>
    /// The history table read with one plain query: EF's own reader (<c>GetAppliedMigrationsAsync</c>) first builds a
    /// model of the table through the convention pipeline, which nothing else runs now the store's model is compiled
    /// (~0.2 s of every start).
    /// </summary>
    private static async Task<HashSet<string>> AppliedMigrationsAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        if (!await db.GetService<IHistoryRepository>().ExistsAsync(cancellationToken))
        {
            return applied;
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        var relational = RelationalOptionsExtension.Extract(db.GetService<IDbContextOptions>());
        var table = sql.DelimitIdentifier(relational.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName, relational.MigrationsHistoryTableSchema);
        return await db.WithCommandAsync(async command =>
        {
            command.CommandText = $"SELECT {sql.DelimitIdentifier("MigrationId")} FROM {table}";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return applied;
        }, cancellationToken);
    }

    /// <summary>Derived columns a migration added to existing rows, computed by the code that keeps them (idempotent).</summary>
    private static async Task BackfillAsync(NewsDeskDbContext db, CancellationToken cancellationToken)
    {
        const int Batch = 500;
        var lastId = 0;
        while (true)
        {
            var articles = await db.Articles.Where(a => a.Id > lastId && a.Byline != null && a.AuthorKeys == null)
                .OrderBy(a => a.Id).Take(Batch).ToListAsync(cancellationToken);
            if (articles.Count == 0)
            {
                break;
            }

            foreach (var article in articles)
            {
                article.Byline = article.Byline; // the setter derives AuthorKeys
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = articles[^1].Id;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search index's triggers were missing (a migration rebuilt the Articles table); restored them and rebuilt the index")]
    private static partial void LogSearchRepaired(ILogger logger);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
