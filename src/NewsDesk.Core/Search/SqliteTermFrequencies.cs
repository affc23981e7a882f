using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Search;

/// <summary>
/// Whether a search term is found in at least half the indexed stories, remembered by this process for a few minutes.
/// BM25 gives such a term no weight (FTS5 clamps its IDF, ln((N − n + ½) / (n + ½)), to a millionth), yet
/// <c>bm25()</c> reads the term's whole document list to learn so: at 100,000 stories "the" or a word as common costs
/// more than ranking the rest of the query. <see cref="SqliteArticleSearch"/> ranks without such terms and applies them
/// as a filter. The matches never depend on this; the order may, for the few minutes a verdict is kept after the
/// stories change a lot (a bulk import into a small store), which is why nothing here needs sharing between
/// instances. Singleton.
/// </summary>
internal sealed class SqliteTermFrequencies : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Every distinct term readers search for is an entry: bounded, so a flood of made-up words cannot grow it.
    private readonly MemoryCache _verdicts = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>True when <paramref name="phrase"/> (one FTS5 term) is in at least half the indexed stories.</summary>
    public async Task<bool> IsWeightlessAsync(DbConnection connection, string phrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_verdicts.TryGetValue(phrase, out bool weightless))
        {
            return weightless;
        }

        // Both counts in one statement, so they describe the same moment. The index holds the published stories
        // (scheduled ones too): FTS5's N.
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $phrase) * 2
                >= max(1, (SELECT count(*) FROM Articles WHERE Status = $published))
            """;
        command.AddParameter("$phrase", phrase);
        command.AddParameter("$published", nameof(ArticleStatus.Published));
        weightless = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
        _verdicts.Set(phrase, weightless, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return weightless;
    }

    public void Dispose() => _verdicts.Dispose();
}
