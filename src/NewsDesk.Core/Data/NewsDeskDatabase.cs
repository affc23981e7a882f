using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Core.Data;

/// <summary>Brings the store up to date at start; every host calls this before serving.</summary>
public static class NewsDeskDatabase
{
    /// <summary>Creates the data directory and applies pending migrations. Failures become a one-line <see cref="StoreUnavailableException"/>.</summary>
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
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                await db.Database.MigrateAsync(cancellationToken);
                await BackfillAsync(db, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
        {
            throw new StoreUnavailableException($"Cannot open the database {where}: {OneLine(ex.Message)}", ex);
        }
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

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
