using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Search;

/// <summary>
/// <see cref="ISearchIndexMaintenance"/> for the FTS5 index. FTS5 writes each transaction's words as a new segment and
/// merges segments of like size as it goes, so a store filled by many imports ends up with a few large segments of
/// similar size: a common word's document list is then read from each and merged at every search. At 100,000 stories
/// (14 segments, three of them of about equal size) one segment cut the ranking statements' median by about a third and
/// their p95 by about a seventh, uncached searches' p95 end to end by about a tenth (docs/benchmarks.md). Compaction is
/// FTS5's incremental optimize ('merge' with a negative page count, then positive ones), run step by step, each step
/// its own write transaction with a pause after it, so editors' saves and ingests wait at most one step. Scoped.
/// </summary>
internal sealed partial class SqliteSearchIndexMaintenance(NewsDeskDbContext db, ILogger<SqliteSearchIndexMaintenance> logger) : ISearchIndexMaintenance
{
    /// <summary>Index pages (about 4 KB each) a step writes, roughly: FTS5 ends a step between terms, so one with a long
    /// document list may run over (at 100,000 stories steps took 42 ms median, 437 ms at most).</summary>
    internal int PagesPerStep { get; init; } = 500;

    /// <summary>Worth compacting once this share of the index's pages lies outside its largest segment…</summary>
    internal const double SplitShare = 0.1;

    /// <summary>…and they are at least this many: merging a small index's crumbs gains nothing measurable.</summary>
    internal int MinimumSplitPages { get; init; } = 256;

    /// <summary>Between steps, so that a writer waiting for the lock gets it.</summary>
    internal TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(20);

    public async Task<SearchIndexCompaction?> CompactIfWorthwhileAsync(CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }

        return await db.WithConnectionAsync<SearchIndexCompaction?>(
            async connection =>
            {
                var before = await ShapeAsync(connection, cancellationToken);
                if (!IsWorthCompacting(before))
                {
                    return null;
                }

                var watch = Stopwatch.StartNew();
                var steps = 0;
                // Each step reports through total_changes() whether it merged anything; a bound in case it never says no.
                var maxSteps = 10 + (4 * before.Pages / PagesPerStep);
                while (steps < maxSteps)
                {
                    // Negative once: FTS5 then puts every segment on one level and merges them as one. Positive after, so
                    // a segment that writes add meanwhile does not restart that merge (as a negative count would).
                    if (!await StepAsync(connection, steps++ == 0 ? -PagesPerStep : PagesPerStep, cancellationToken))
                    {
                        break;
                    }

                    await Task.Delay(Pause, cancellationToken);
                }

                var after = await ShapeAsync(connection, cancellationToken);
                var compaction = new SearchIndexCompaction(before.Segments, after.Segments, steps, watch.Elapsed);
                LogCompacted(compaction.PartsBefore, compaction.PartsAfter, compaction.Steps, (long)compaction.Elapsed.TotalMilliseconds);
                return compaction;
            },
            cancellationToken);
    }

    /// <summary>Segments of the index and their leaf pages, all and in the largest.</summary>
    internal readonly record struct IndexShape(int Segments, long Pages, long LargestPages);

    internal bool IsWorthCompacting(IndexShape shape)
    {
        var split = shape.Pages - shape.LargestPages;
        return shape.Segments > 1 && split >= MinimumSplitPages && split >= SplitShare * shape.Pages;
    }

    /// <summary>
    /// Read from FTS5's own <c>ArticleSearch_idx</c> table, which keeps a row per segment and leaf page where a term
    /// begins, numbered from the segment's start (shifted left by one for a flag): the highest number in a segment is
    /// its leaf page count. An internal table, but part of FTS5's on-disk format, which newer SQLite versions keep reading.
    /// </summary>
    internal static async Task<IndexShape> ShapeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT count(*), coalesce(sum(pages), 0), coalesce(max(pages), 0)
            FROM (SELECT max(pgno) >> 1 AS pages FROM ArticleSearch_idx GROUP BY segid)
            """;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IndexShape(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <returns>Whether the step merged anything (FTS5 changes at least two rows when it does).</returns>
    private static async Task<bool> StepAsync(DbConnection connection, int pages, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT total_changes()";
        var before = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        command.CommandText = "INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('merge', $pages)";
        command.AddParameter("$pages", pages);
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.Parameters.Clear();
        command.CommandText = "SELECT total_changes()";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) - before >= 2;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index compacted: {PartsBefore} segments to {PartsAfter} in {Steps} steps, {ElapsedMs} ms")]
    private partial void LogCompacted(int partsBefore, int partsAfter, int steps, long elapsedMs);
}
