namespace NewsDesk.Core.Articles;

/// <summary>
/// One locality-sensitive band of an article's <see cref="Article.Fingerprint"/>: articles that share a band
/// key are candidates for near-duplicate comparison, found through an index instead of a scan.
/// </summary>
public sealed class ArticleSimilarityBand
{
    public long Key { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;
}
