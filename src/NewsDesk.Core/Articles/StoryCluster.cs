namespace NewsDesk.Core.Articles;

/// <summary>
/// One story as told by several articles: near-duplicates (the same wire copy lightly edited by different
/// outlets) are linked here by ingest rather than dropped, so the desk sees them together.
/// </summary>
public sealed class StoryCluster
{
    public int Id { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public ICollection<Article> Articles { get; } = [];
}
