namespace NewsDesk.Core.Articles;

/// <summary>
/// One story as told by several articles: near-duplicates (the same wire copy lightly edited by different
/// outlets) are linked here by ingest rather than dropped, so the desk sees them together.
/// </summary>
public sealed class StoryCluster
{
    public int Id { get; private set; }

    public DateTime CreatedAt { get; set; }

    public ICollection<StoryClusterMember> Members { get; } = [];
}

/// <summary>An article's place in a <see cref="StoryCluster"/> (an article belongs to at most one).</summary>
public sealed class StoryClusterMember
{
    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public int StoryClusterId { get; set; }

    public StoryCluster StoryCluster { get; set; } = null!;

    /// <summary>Estimated similarity (Jaccard of word shingles, 0–1) to the article it was matched with; null for the one it matched.</summary>
    public double? Similarity { get; set; }
}
