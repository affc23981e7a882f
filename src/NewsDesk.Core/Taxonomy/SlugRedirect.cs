namespace NewsDesk.Core.Taxonomy;

/// <summary>An old slug that must keep working: answered with a permanent redirect to the target's current slug.</summary>
public sealed class SlugRedirect
{
    public int Id { get; private set; }

    public SlugKind Kind { get; set; }

    public required string FromSlug { get; set; }

    /// <summary>The article or term id the old slug now points to.</summary>
    public int TargetId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum SlugKind
{
    Article,
    Region,
    Topic,
    Tag,
}
