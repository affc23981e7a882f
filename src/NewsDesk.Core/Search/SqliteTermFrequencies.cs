using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Caching.Memory;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Search;

/// <summary>
/// How many indexed stories a search term is found in, remembered by this process for a few minutes. BM25 gives a term
/// found in half the stories or more no weight (FTS5 clamps its IDF, ln((N − n + ½) / (n + ½)), to a millionth), yet
/// <c>bm25()</c> reads that term's whole document list to learn so: at 100,000 stories "the" or a word as common
/// costs more than ranking the rest of the query. <see cref="SqliteArticleSearch"/> ranks without such terms and
/// applies them as a filter. A count a few minutes old can only misjudge a term near the halfway mark, where its weight
/// is about nothing either way, so nothing here needs sharing with other instances. Singleton.
/// </summary>
internal sealed class SqliteTermFrequencies : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string StoriesKey = "";

    // Every distinct term readers search for is an entry: bounded, so a flood of made-up words cannot grow it.
    private readonly MemoryCache _counts = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    /// <summary>True when <paramref name="phrase"/> (one FTS5 term) is in at least half the indexed stories.</summary>
    public async Task<bool> IsWeightlessAsync(DbConnection connection, string phrase, CancellationToken cancellationToken)
    {
        var stories = await CountAsync(connection, StoriesKey, cancellationToken);
        return stories > 0 && await CountAsync(connection, phrase, cancellationToken) * 2 >= stories;
    }

    public void Dispose() => _counts.Dispose();

    private async Task<long> CountAsync(DbConnection connection, string phrase, CancellationToken cancellationToken)
    {
        if (_counts.TryGetValue(phrase, out long count))
        {
            return count;
        }

        await using var command = connection.CreateCommand();
        var parameter = command.CreateParameter();
        if (phrase == StoriesKey)
        {
            // The index holds the published stories (scheduled ones too): FTS5's N.
            command.CommandText = "SELECT count(*) FROM Articles WHERE Status = $published";
            parameter.ParameterName = "$published";
            parameter.Value = nameof(ArticleStatus.Published);
        }
        else
        {
            command.CommandText = "SELECT count(*) FROM ArticleSearch WHERE ArticleSearch MATCH $phrase";
            parameter.ParameterName = "$phrase";
            parameter.Value = phrase;
        }

        command.Parameters.Add(parameter);
        count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        _counts.Set(phrase, count, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return count;
    }
}
