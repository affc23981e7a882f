namespace NewsDesk.Core.Search;

/// <summary>
/// Full-text search over published stories (headline, standfirst, body), ranked, with highlighted snippets. The store
/// keeps its index in step with every insert, update and delete. SQLite implements it with FTS5; other providers
/// implement the same contract.
/// </summary>
public interface IArticleSearch
{
    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default);
}

public enum SearchOrder
{
    Relevance,
    Newest,
}

/// <param name="RegionId">Only stories filed under this region or any region below it.</param>
/// <param name="FromUtc">Published at or after.</param>
/// <param name="ToUtc">Published before.</param>
public sealed record SearchRequest(
    SearchQuery Query,
    int? RegionId = null,
    int? TopicId = null,
    DateTime? FromUtc = null,
    DateTime? ToUtc = null,
    SearchOrder Order = SearchOrder.Relevance,
    int Skip = 0,
    int Take = 20);

public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits);

public sealed record SearchHit(
    int ArticleId,
    string Slug,
    HighlightedText Headline,
    HighlightedText Snippet,
    string? Byline,
    DateTime PublishedAt);

/// <summary>Text in runs, some marked as matching the query; the view decides how to mark them (never raw HTML).</summary>
public sealed record HighlightedText(IReadOnlyList<TextRun> Runs)
{
    public static HighlightedText Plain(string text) => new([new TextRun(text, false)]);

    public override string ToString() => string.Concat(Runs.Select(r => r.Text));

    /// <summary>Splits text in which matches are wrapped in <paramref name="open"/> … <paramref name="close"/>.</summary>
    public static HighlightedText FromMarked(string marked, char open, char close)
    {
        ArgumentNullException.ThrowIfNull(marked);
        var runs = new List<TextRun>();
        var start = 0;
        var inMatch = false;
        for (var i = 0; i <= marked.Length; i++)
        {
            var control = i < marked.Length && IsDirectionControl(marked[i]);
            if (i == marked.Length || marked[i] == open || marked[i] == close || control)
            {
                if (i > start)
                {
                    runs.Add(new TextRun(marked[start..i], inMatch));
                }

                if (i < marked.Length && !control)
                {
                    inMatch = marked[i] == open;
                }

                start = i + 1;
            }
        }

        return new HighlightedText(runs);
    }

    // Embeddings, overrides and isolates are left out: a snippet is cut from the middle of the text, so one opened
    // before its close would turn the rest of the snippet (and of its line on the page) around.
    private static bool IsDirectionControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

public sealed record TextRun(string Text, bool IsMatch);
