using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Search;

/// <summary>
/// How many indexed stories hold a search term, remembered by this process for a few minutes. Two decisions of
/// <see cref="SqliteArticleSearch"/> rest on it. A term in at least half the stories (<see cref="TermCount.Weightless"/>)
/// gets no weight from BM25 (FTS5 clamps its IDF, ln((N − n + ½) / (n + ½)), to a millionth), yet <c>bm25()</c> reads
/// its whole document list to learn so: at 100,000 stories "the" or a word as common costs more than ranking the rest
/// of the query, so such terms filter without being ranked. And the rarest required term bounds how many matches a
/// search ranks, which decides whether ranking them on several connections at once pays (<see cref="SearchParallelism"/>).
/// The matches never depend on this; the order and speed may, for the few minutes a count is kept after the stories
/// change a lot (a bulk import into a small store), which is why nothing here needs sharing between instances. Singleton.
/// </summary>
internal sealed class SqliteTermFrequencies : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // Every distinct term readers search for is an entry: bounded, so a flood of made-up words cannot grow it.
    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>How many indexed stories match <paramref name="phrase"/> (one FTS5 term), and how many there are.</summary>
    public async Task<TermCount> CountAsync(DbConnection connection, string phrase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (_counts.TryGetValue(phrase, out TermCount count))
        {
            return count;
        }

        // Both counts in one statement, so they describe the same moment. FTS5's N is the index's stories (the
        // published, scheduled ones too), one row each in its document-size table: counted from that table's 300-odd
        // pages at 100,000 stories, where counting the published rows of Articles took 6 ms.
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $phrase),
                   (SELECT count(*) FROM ArticleSearch_docsize)
            """;
        command.AddParameter("$phrase", phrase);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            count = new TermCount(reader.GetInt64(0), reader.GetInt64(1));
        }

        _counts.Set(phrase, count, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return count;
    }

    public void Dispose() => _counts.Dispose();
}

/// <param name="Stories">Indexed stories that hold the term.</param>
/// <param name="Indexed">All indexed stories.</param>
internal readonly record struct TermCount(long Stories, long Indexed)
{
    /// <summary>In at least half the stories: BM25 gives it no weight.</summary>
    public bool Weightless => Stories * 2 >= Math.Max(1, Indexed);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Stories} of {Indexed}");
}
