using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Search;

/// <summary>
/// Guards the FTS5 index's triggers. EF Core rebuilds a SQLite table (create, copy, drop, rename) to alter a column,
/// and dropping Articles drops its triggers with it; the index would then silently fall out of step. Every host's start
/// (<see cref="NewsDeskDatabase.MigrateAsync"/>) calls <see cref="EnsureAsync"/>: it restores missing triggers and
/// rebuilds the index from Articles.
/// The index holds published stories only (migration <c>SearchIndexesPublishedStories</c>): a public search then ranks
/// and counts from the index alone, without looking up every match in Articles. FTS5's <c>integrity-check</c> with
/// rank 1 compares the index with all of Articles, so it reports drafts as missing; use it with rank 0.
/// </summary>
public static class SqliteSearchSchema
{
    public static readonly IReadOnlyList<string> Triggers = ["ArticleSearch_AfterInsert", "ArticleSearch_AfterDelete", "ArticleSearch_AfterUpdate"];

    /// <summary>The index's tokenizer, as migration <c>ReadingSearch</c> created it; anything that matches text the way
    /// the index does (the search page's highlighting) uses the same.</summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    private const string Published = nameof(ArticleStatus.Published);

    private static readonly string[] CreateTriggers =
    [
        $"""
        CREATE TRIGGER IF NOT EXISTS ArticleSearch_AfterInsert AFTER INSERT ON Articles WHEN new.Status = '{Published}' BEGIN
            INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) VALUES (new.Id, new.Headline, new.Standfirst, new.Body);
        END;
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS ArticleSearch_AfterDelete AFTER DELETE ON Articles WHEN old.Status = '{Published}' BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) VALUES ('delete', old.Id, old.Headline, old.Standfirst, old.Body);
        END;
        """,
        $"""
        CREATE TRIGGER IF NOT EXISTS ArticleSearch_AfterUpdate AFTER UPDATE OF Headline, Standfirst, Body, Status ON Articles
        WHEN old.Status = '{Published}' OR new.Status = '{Published}' BEGIN
            INSERT INTO ArticleSearch(ArticleSearch, rowid, Headline, Standfirst, Body) SELECT 'delete', old.Id, old.Headline, old.Standfirst, old.Body WHERE old.Status = '{Published}';
            INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) SELECT new.Id, new.Headline, new.Standfirst, new.Body WHERE new.Status = '{Published}';
        END;
        """,
    ];

    /// <summary>Empties the index and fills it with the published stories.</summary>
    private const string Reindex = $"""
        INSERT INTO ArticleSearch(ArticleSearch) VALUES ('delete-all');
        INSERT INTO ArticleSearch(rowid, Headline, Standfirst, Body) SELECT Id, Headline, Standfirst, Body FROM Articles WHERE Status = '{Published}';
        """;

    /// <returns>True when triggers were missing and the index was rebuilt.</returns>
    public static async Task<bool> EnsureAsync(NewsDeskDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsSqlite())
        {
            return false;
        }

        if (await CountPresentAsync(db, cancellationToken) == Triggers.Count)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var sql in CreateTriggers)
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }

        await db.Database.ExecuteSqlRawAsync(Reindex, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    // A plain command: this runs at every start, and an EF query would be compiled for it first.
    private static Task<long> CountPresentAsync(NewsDeskDbContext db, CancellationToken cancellationToken) =>
        db.WithCommandAsync(async command =>
        {
            command.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('{string.Join("', '", Triggers)}')";
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);
}
